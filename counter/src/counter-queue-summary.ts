import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { QueueLine } from './state/queue-lines.js';
import { formatDuration } from './state/timer.js';

/** Who waits for the services this counter covers, and for how long the longest has waited. */
@customElement('counter-queue-summary')
export class CounterQueueSummary extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 8px 4px;
        border-top: 1px solid var(--counter-border);
        vertical-align: top;
      }
      thead th {
        border-top: 0;
        font-size: 0.85rem;
        color: var(--counter-muted);
      }
      td.count {
        font-size: 1.4rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      td.wait {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .muted {
        color: var(--counter-muted);
      }
    `,
  ];

  /** One line per covered service. */
  @property({ attribute: false }) lines: QueueLine[] = [];
  /** The interface language. */
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">${m.queueHeading}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${m.services}</th>
            <th scope="col">${m.waitingColumn}</th>
            <th scope="col">${m.longestWait}</th>
          </tr>
        </thead>
        <tbody>
          ${this.lines.map(
            (l) =>
              html`<tr data-service=${l.service.id}>
                <th scope="row">${l.service.name[this.language]}</th>
                <td class="count" data-testid="waiting-count">
                  ${l.waiting}<span class="visually-hidden"> ${m.waitingCount(l.waiting)}</span>
                </td>
                <td class="wait">
                  ${
                    l.longestWaitMs === null
                      ? html`<span class="muted">${m.nobodyWaiting}</span>`
                      : formatDuration(l.longestWaitMs)
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-queue-summary': CounterQueueSummary;
  }
}
