import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import type { DirectorateStats } from '../../contract/stats.js';
import { reportTableStyles } from './report-table-styles.js';
import { sharedStyles } from './shared-styles.js';
import { formatCount, formatDecimal, formatSeconds, formatShare } from './state/format.js';
import { MIN_RATINGS, ratingHeadline } from './state/kpi.js';
import { serviceMix } from './state/report-model.js';
import { reportText } from './state/report-text.js';
import type { GroupStats } from './state/stats-report.js';

export type ReportTableKind =
  'days' | 'arrivals' | 'services' | 'clerks' | 'directorates' | 'satisfaction';

/**
 * One of the report's tables. Rows never break across a printed page; the header row repeats
 * on each page a long table runs onto.
 */
@customElement('manager-report-tables')
export class ManagerReportTables extends LitElement {
  static override styles = [
    sharedStyles,
    reportTableStyles,
    css`
      .over {
        color: var(--manager-red-text);
        font-weight: 700;
      }
    `,
  ];

  @property() kind: ReportTableKind = 'services';
  @property({ attribute: false }) groups: GroupStats[] = [];
  @property({ attribute: false }) total: GroupStats | null = null;
  @property({ attribute: false }) directorates: DirectorateStats[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) labelOf: (g: GroupStats) => string = (g) => g.label;
  @property({ type: Number }) targetMinutes = 4;
  @property() language: Lang = 'tr';

  override render() {
    switch (this.kind) {
      case 'days':
      case 'clerks':
        return this._table(this.kind === 'days' ? 'day' : 'clerk', this.groups);
      case 'arrivals':
        return this._arrivals();
      case 'services':
        return this._services();
      case 'directorates':
        return this._directorates();
      case 'satisfaction':
        return this._satisfaction();
    }
  }

  /** Days or clerks: served, mean service against the target, resolved, forwarded. */
  private _table(kind: 'day' | 'clerk', groups: GroupStats[]) {
    const t = reportText(this.language);
    const lang = this.language;
    const target = this.targetMinutes * 60;
    const rows = kind === 'clerk' ? [...groups].sort((a, b) => b.served - a.served) : groups;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${kind === 'day' ? t.weekday : t.clerk}</th>
          <th scope="col" class="num">${t.served}</th>
          <th scope="col" class="num">${t.meanService}</th>
          <th scope="col" class="num">${t.resolved}</th>
          <th scope="col" class="num">${t.forwarded}</th>
          <th scope="col" class="num">${t.meanWait}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (g) =>
            html`<tr>
              <th scope="row">${this.labelOf(g)}</th>
              <td class="num">${formatCount(lang, g.served)}</td>
              <td class="num ${(g.serviceTime.meanSeconds ?? 0) > target ? 'over' : ''}">
                ${formatSeconds(g.serviceTime.meanSeconds)}
              </td>
              <td class="num">${formatShare(lang, g.resolvedShare)}</td>
              <td class="num">${formatCount(lang, g.forwarded)}</td>
              <td class="num">${formatSeconds(g.wait.meanSeconds)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private _arrivals() {
    const t = reportText(this.language);
    const lang = this.language;
    return html`<table>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col" class="num">${t.issued}</th>
          <th scope="col" class="num">${t.meanWait}</th>
          <th scope="col" class="num">${t.meanService}</th>
        </tr>
      </thead>
      <tbody>
        ${this.groups.map(
          (g) =>
            html`<tr>
              <th scope="row">${this.labelOf(g)}</th>
              <td class="num">${formatCount(lang, g.issued)}</td>
              <td class="num">${formatSeconds(g.wait.meanSeconds)}</td>
              <td class="num">${formatSeconds(g.serviceTime.meanSeconds)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** The service mix: each service's share of tickets and its figures against its own target. */
  private _services() {
    const t = reportText(this.language);
    const lang = this.language;
    const targetOf = (g: GroupStats) =>
      this.services.find((s) => s.id === g.key)?.targetMinutes ?? this.targetMinutes;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t.service}</th>
          <th scope="col" class="num">${t.issued}</th>
          <th scope="col" class="num">${t.share}</th>
          <th scope="col" class="num">${t.served}</th>
          <th scope="col" class="num">${t.meanService}</th>
          <th scope="col" class="num">${t.target}</th>
          <th scope="col" class="num">${t.resolved}</th>
          <th scope="col" class="num">${t.meanWait}</th>
          <th scope="col" class="num">${t.noShows}</th>
        </tr>
      </thead>
      <tbody>
        ${serviceMix(this.groups).map(
          ({ group: g, share }) =>
            html`<tr>
              <th scope="row">${this.labelOf(g)}</th>
              <td class="num">${formatCount(lang, g.issued)}</td>
              <td class="num">${formatShare(lang, share)}</td>
              <td class="num">${formatCount(lang, g.served)}</td>
              <td class="num ${(g.serviceTime.meanSeconds ?? 0) > targetOf(g) * 60 ? 'over' : ''}">
                ${formatSeconds(g.serviceTime.meanSeconds)}
              </td>
              <td class="num">${formatSeconds(targetOf(g) * 60)}</td>
              <td class="num">${formatShare(lang, g.resolvedShare)}</td>
              <td class="num">${formatSeconds(g.wait.meanSeconds)}</td>
              <td class="num">${formatCount(lang, g.noShows)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private _directorates() {
    const t = reportText(this.language);
    const lang = this.language;
    if (this.directorates.length === 0) return html`<p class="muted">${t.noDirectorates}</p>`;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t.directorate}</th>
          <th scope="col" class="num">${t.visits}</th>
          <th scope="col" class="num">${t.share}</th>
        </tr>
      </thead>
      <tbody>
        ${this.directorates.map(
          (d) =>
            html`<tr>
              <th scope="row">${lang === 'en' && d.nameEn ? d.nameEn : d.name}</th>
              <td class="num">${formatCount(lang, d.count)}</td>
              <td class="num">${formatShare(lang, d.share)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Ratings overall and per service; a mean only from `MIN_RATINGS` ratings on. */
  private _satisfaction() {
    const t = reportText(this.language);
    const lang = this.language;
    const total = this.total;
    if (!total || total.ratings === 0) return html`<p class="muted">${t.noRatings}</p>`;
    const mean = (g: GroupStats) => {
      const r = ratingHeadline(g);
      return r === null ? '—' : formatDecimal(lang, r, 2);
    };
    const rated = this.groups.filter((g) => g.key !== null && g.ratings > 0);
    return html`${
        ratingHeadline(total) === null
          ? html`<p class="notice">
              ${t.tooFewRatings(formatCount(lang, total.ratings), formatCount(lang, MIN_RATINGS))}
            </p>`
          : nothing
      }
      <table>
        <thead>
          <tr>
            <th scope="col">${t.service}</th>
            <th scope="col" class="num">${t.ratings}</th>
            <th scope="col" class="num">${t.meanRating}</th>
          </tr>
        </thead>
        <tbody>
          ${rated.map(
            (g) =>
              html`<tr>
                <th scope="row">${this.labelOf(g)}</th>
                <td class="num">${formatCount(lang, g.ratings)}</td>
                <td class="num">${mean(g)}</td>
              </tr>`,
          )}
          <tr>
            <th scope="row">${lang === 'tr' ? 'Toplam' : 'Total'}</th>
            <td class="num">${formatCount(lang, total.ratings)}</td>
            <td class="num">${mean(total)}</td>
          </tr>
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-report-tables': ManagerReportTables;
  }
}
