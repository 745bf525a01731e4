import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { QueueLine } from './state/queue-lines.js';
import { formatDuration } from './state/timer.js';
import type { WaitingEntry } from './state/waiting-line.js';
import './counter-priority-badge.js';

/**
 * Who waits for the services this counter covers: per service the count and the longest wait,
 * then the visitors themselves, each with their priority group where they have one.
 */
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
      h3 {
        font-size: 0.95rem;
        margin: 14px 0 2px;
      }
      .count-note {
        font-weight: 600;
        color: var(--counter-muted);
      }
      .note {
        margin: 0 0 6px;
        font-size: 0.85rem;
        color: var(--counter-muted);
      }
      /* A long line scrolls inside its card; the page itself keeps its place. */
      .line {
        position: relative;
        max-height: 24vh;
        overflow-y: auto;
        margin: 0;
        padding: 0;
        list-style: none;
        border-top: 1px solid var(--counter-border);
      }
      .line li {
        display: grid;
        grid-template-columns: 4.2rem minmax(0, 1fr) auto;
        gap: 2px 8px;
        align-items: center;
        padding: 5px 4px;
        border-bottom: 1px solid var(--counter-border);
      }
      .line li[data-priority] {
        background: var(--counter-priority-row, #faf6fe);
      }
      .line .num {
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .line .who {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 6px;
        align-items: center;
        min-width: 0;
        font-size: 0.9rem;
      }
      .line .waited {
        font-variant-numeric: tabular-nums;
        font-size: 0.9rem;
        color: var(--counter-muted);
      }
    `,
  ];

  /** One line per covered service. */
  @property({ attribute: false }) lines: QueueLine[] = [];
  /** The visitors waiting, in line order. */
  @property({ attribute: false }) waiting: WaitingEntry[] = [];
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
      ${this.waiting.length > 0 ? this._renderLine() : null}
    </section>`;
  }

  private _renderLine() {
    const m = messages(this.language);
    const several = this.lines.length > 1;
    const priority = this.waiting.filter((e) => e.ticket.priority !== null).length;
    return html`<h3 id="line-heading">
        ${m.lineHeading}
        <span class="count-note" data-testid="line-count"
          >· ${m.lineCount(this.waiting.length, priority)}</span
        >
      </h3>
      <p class="note">${m.lineOrder}</p>
      <ol class="line" data-testid="waiting-line" aria-labelledby="line-heading" tabindex="0">
        ${this.waiting.map(
          ({ ticket, service, waitedMs }) =>
            html`<li data-number=${ticket.number} data-priority=${ticket.priority ?? nothing}>
              <span class="num">${ticket.number}</span>
              <span class="who">
                ${several && service ? html`<span>${service.name[this.language]}</span>` : null}
                <counter-priority-badge
                  .group=${ticket.priority}
                  .language=${this.language}
                ></counter-priority-badge>
              </span>
              <span class="waited">${m.waitedFor(formatDuration(waitedMs))}</span>
            </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-queue-summary': CounterQueueSummary;
  }
}
