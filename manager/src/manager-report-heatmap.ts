import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { sharedStyles } from './shared-styles.js';
import { formatCount, formatSeconds, localeOf } from './state/format.js';
import type { HeatMap } from './state/report-model.js';
import { reportText } from './state/report-text.js';

/**
 * Tickets issued by weekday (rows) and hour (columns) as a table whose cells shade with the
 * count, each with its mean wait: when the hall is busy, in a form that prints (no canvas).
 */
@customElement('manager-report-heatmap')
export class ManagerReportHeatmap extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font: 0.72rem var(--manager-font);
        color: var(--manager-text);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        table-layout: fixed;
      }
      th {
        font-weight: 600;
        padding: 2px;
        color: var(--manager-muted);
      }
      th[scope='col'] {
        text-align: center;
      }
      th[scope='row'] {
        text-align: left;
        width: 5.5em;
      }
      td {
        text-align: center;
        padding: 3px 1px;
        border: 1px solid var(--manager-surface);
        font-variant-numeric: tabular-nums;
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      tr {
        break-inside: avoid;
      }
      td small {
        display: block;
        font-size: 0.85em;
        opacity: 0.85;
      }
      .l0 {
        background: #f4f6f9;
        color: var(--manager-muted);
      }
      .l1 {
        background: #dbe7f5;
      }
      .l2 {
        background: #a9c6e8;
      }
      .l3 {
        background: #1f5a9e;
        color: #fff;
      }
      .l4 {
        background: #083b75;
        color: #fff;
      }
    `,
  ];

  /** The cells (see `heatMap`). */
  @property({ attribute: false }) map: HeatMap | null = null;
  @property() language: Lang = 'tr';

  override render() {
    const t = reportText(this.language);
    const map = this.map;
    if (!map || map.rows.length === 0) return html``;
    const dayName = new Intl.DateTimeFormat(localeOf(this.language), {
      weekday: 'short',
      timeZone: 'UTC',
    });
    return html`<table>
      <caption class="visually-hidden">
        ${t.heatHeading}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.weekday}</th>
          ${map.hours.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${map.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${dayName.format(Date.UTC(2024, 0, r.weekday))}</th>
              ${r.cells.map(
                (c) =>
                  html`<td class=${`l${c.level}`}>
                    ${formatCount(this.language, c.issued)}
                    ${c.issued > 0 ? html`<small>${formatSeconds(c.meanWaitSeconds)}</small>` : ''}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-report-heatmap': ManagerReportHeatmap;
  }
}
