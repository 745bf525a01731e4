import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { estimateText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { formatCount, formatDuration } from './state/format.js';
import type { ServiceRow } from './state/live-board.js';

/** Every service's line: people waiting, the longest wait, the estimate and open counters. */
@customElement('manager-service-table')
export class ManagerServiceTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .prefix {
        display: inline-block;
        min-width: 1.8em;
        font-weight: 800;
      }
      .flag {
        display: block;
        font-size: 0.8rem;
        font-weight: 700;
        color: var(--manager-red-text);
      }
      tr.inactive td {
        color: var(--manager-muted);
      }
      td,
      th {
        padding: 6px 8px;
      }
    `,
  ];

  @property({ attribute: false }) rows: ServiceRow[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const lang = this.language;
    return html`<section class="card" aria-labelledby="services-heading">
      <h2 id="services-heading">${m.servicesHeading}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${m.colService}</th>
            <th scope="col" class="num">${m.colWaiting}</th>
            <th scope="col" class="num">${m.colLongest}</th>
            <th scope="col" class="num">${m.colEstimate}</th>
            <th scope="col" class="num">${m.colOpenCounters}</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) =>
              html`<tr data-service=${r.id} class=${r.active ? '' : 'inactive'}>
                <th scope="row">
                  <span class="prefix">${r.prefix}</span>${r.name[lang]}
                  ${r.active ? null : html`<span class="flag">${m.inactive}</span>`}
                </th>
                <td class="num" data-testid="service-waiting">${formatCount(lang, r.waiting)}</td>
                <td class="num">
                  ${r.longestWaitMs === null ? m.nobody : formatDuration(r.longestWaitMs)}
                  ${r.escalated ? html`<span class="flag">${m.escalated}</span>` : null}
                </td>
                <td class="num" data-testid="service-estimate">${estimateText(lang, r)}</td>
                <td class="num">${formatCount(lang, r.openCounters)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-service-table': ManagerServiceTable;
  }
}
