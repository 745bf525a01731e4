import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { groupLabel } from './state/charts.js';
import { formatCount, formatDecimal, formatSeconds, formatShare } from './state/format.js';
import type { GroupBy, GroupStats, StatsReport } from './state/stats-report.js';
import {
  COLUMN_KIND,
  columnValue,
  nextSort,
  sortGroups,
  STAT_COLUMNS,
  type SortDirection,
  type StatColumn,
} from './state/table-sort.js';

/** The groupings the table offers (the total is in the KPI tiles and the table's last row). */
export const TABLE_GROUPS: GroupBy[] = ['day', 'weekday', 'hour', 'service', 'counter', 'clerk'];

/**
 * The report's groups as a table, sortable by any column (click a header; again to reverse),
 * with the total as its last row. Fires `manager-group-by` when another grouping is chosen.
 */
@customElement('manager-stats-table')
export class ManagerStatsTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-bottom: 8px;
      }
      .bar h2 {
        margin: 0;
        flex: 1;
      }
      .scroll {
        overflow-x: auto;
      }
      th button {
        font: inherit;
        font-weight: 700;
        min-height: 32px;
        padding: 2px 4px;
        border: 0;
        background: none;
        color: var(--manager-accent-strong);
        text-align: inherit;
        justify-content: flex-start;
      }
      th.num button {
        justify-content: flex-end;
        width: 100%;
      }
      th[aria-sort] button::after {
        content: ' ↕';
        color: var(--manager-muted);
      }
      th[aria-sort='ascending'] button::after {
        content: ' ▲';
        color: inherit;
      }
      th[aria-sort='descending'] button::after {
        content: ' ▼';
        color: inherit;
      }
      tfoot td,
      tfoot th {
        font-weight: 800;
        border-top: 2px solid var(--manager-text);
      }
      td,
      th {
        padding: 5px 8px;
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private _sort: { column: StatColumn; direction: SortDirection } = {
    column: 'label',
    direction: 'ascending',
  };

  @property({ attribute: false }) report: StatsReport | null = null;
  @property() groupBy: GroupBy = 'day';
  @property({ attribute: false }) services: Service[] = [];
  @property({ type: Boolean }) loading = false;
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const report = this.report?.groupBy === this.groupBy ? this.report : null;
    const label = (g: GroupStats) =>
      groupLabel(this.groupBy, g, this.language, this.services, m.notAtCounter);
    const byKey = ['day', 'hour', 'weekday'].includes(this.groupBy);
    const rows = report
      ? sortGroups(report.groups, this._sort.column, this._sort.direction, label, byKey)
      : [];
    return html`<section class="card" aria-labelledby="table-heading">
      <div class="bar">
        <h2 id="table-heading">${m.tableHeading}</h2>
        <label for="group-by">${m.groupByLabel}</label>
        <select id="group-by" .value=${this.groupBy} @change=${this._onGroupBy}>
          ${TABLE_GROUPS.map(
            (g) =>
              html`<option value=${g} ?selected=${g === this.groupBy}>${m.groupBy[g]}</option>`,
          )}
        </select>
      </div>
      ${
        !report
          ? html`<p class="muted" role="status">${this.loading ? m.loadingStats : m.noData}</p>`
          : html`<div class="scroll">
              <table data-testid="stats-table">
                <thead>
                  <tr>
                    ${STAT_COLUMNS.map((c) => this._header(c))}
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (g) =>
                      html`<tr>
                        <th scope="row">${label(g)}</th>
                        ${STAT_COLUMNS.filter((c) => c !== 'label').map(
                          (c) =>
                            html`<td class="num">
                              ${this._cell(c as Exclude<StatColumn, 'label'>, g)}
                            </td>`,
                        )}
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">${m.totalRow}</th>
                    ${STAT_COLUMNS.filter((c) => c !== 'label').map(
                      (c) =>
                        html`<td class="num">
                          ${this._cell(c as Exclude<StatColumn, 'label'>, report.total)}
                        </td>`,
                    )}
                  </tr>
                </tfoot>
              </table>
            </div>`
      }
    </section>`;
  }

  private _header(column: StatColumn) {
    const m = messages(this.language);
    const name = column === 'label' ? m.groupBy[this.groupBy] : m.columns[column];
    const sort = this._sort.column === column ? this._sort.direction : 'none';
    return html`<th scope="col" class=${column === 'label' ? '' : 'num'} aria-sort=${sort}>
      <button type="button" title=${m.sortBy(name)} @click=${() => this._sortBy(column)}>
        ${name}
      </button>
    </th>`;
  }

  private _cell(column: Exclude<StatColumn, 'label'>, g: GroupStats) {
    const v = columnValue(column, g);
    const lang = this.language;
    switch (COLUMN_KIND[column]) {
      case 'count':
        return v === null ? '—' : formatCount(lang, v);
      case 'duration':
        return formatSeconds(v);
      case 'share':
        return formatShare(lang, v);
      case 'decimal':
        return formatDecimal(lang, v, 2);
      default:
        return nothing;
    }
  }

  private _sortBy(column: StatColumn): void {
    this._sort = nextSort(this._sort, column);
  }

  private _onGroupBy(e: Event): void {
    const groupBy = (e.target as HTMLSelectElement).value as GroupBy;
    this._sort = { column: 'label', direction: 'ascending' };
    this.dispatchEvent(
      new CustomEvent<GroupBy>('manager-group-by', {
        detail: groupBy,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-stats-table': ManagerStatsTable;
  }
}
