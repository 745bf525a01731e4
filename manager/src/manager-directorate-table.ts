import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { DirectorateStats } from '../../contract/stats.js';
import { messages } from './i18n.js';
import { formatShare } from './state/format.js';
import { sharedStyles } from './shared-styles.js';

/**
 * Forwarded visits by directorate over the report's range (the published figures separate
 * them from those resolved at the desk): each directorate's count, its share of all forwarded
 * visits and a bar of that share, most forwarded first.
 */
@customElement('manager-directorate-table')
export class ManagerDirectorateTable extends LitElement {
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
        padding: 6px 8px;
        text-align: start;
        border-bottom: 1px solid var(--manager-border);
      }
      caption {
        caption-side: top;
        text-align: start;
        padding-bottom: 6px;
      }
      .num {
        text-align: end;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .bar {
        width: 40%;
      }
      .bar span {
        display: block;
        height: 12px;
        min-width: 2px;
        border-radius: 3px;
        background: var(--manager-accent);
      }
    `,
  ];

  /** `byDirectorate` of the stats report. */
  @property({ attribute: false }) rows: DirectorateStats[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const total = this.rows.reduce((s, r) => s + r.count, 0);
    return html`<section class="card" aria-labelledby="directorates-stats-heading">
      <h2 id="directorates-stats-heading">${m.byDirectorateHeading}</h2>
      ${
        total === 0
          ? html`<p class="muted" role="status">${m.noForwarded}</p>`
          : html`<table data-testid="directorate-table">
              <caption class="muted">
                ${m.byDirectorateCaption(total)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${m.directorate}</th>
                  <th scope="col" class="num">${m.forwardedVisits}</th>
                  <th scope="col" class="num">${m.shareOfForwarded}</th>
                  <th scope="col" class="bar"><span class="visually-hidden">%</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.rows.map((r) => {
                  const share = formatShare(this.language, r.share);
                  return html`<tr data-directorate=${r.directorateId ?? ''}>
                    <th scope="row">${this._name(r)}</th>
                    <td class="num">${r.count.toLocaleString(this.language)}</td>
                    <td class="num">${share}</td>
                    <td class="bar" aria-hidden="true">
                      <span style=${`width: ${Math.round((r.share ?? 0) * 100)}%`}></span>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private _name(r: DirectorateStats): string {
    const m = messages(this.language);
    if (r.directorateId === null) return m.unknownDirectorate;
    return this.language === 'en' ? (r.nameEn ?? r.name) : r.name;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-directorate-table': ManagerDirectorateTable;
  }
}
