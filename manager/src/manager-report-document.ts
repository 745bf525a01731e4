import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { dailyMeanChart, groupLabel } from './state/charts.js';
import {
  formatCount,
  formatDay,
  formatDecimal,
  formatSeconds,
  formatShare,
  localeOf,
} from './state/format.js';
import { headlines, heatMap, type Comparison, type ReportData } from './state/report-model.js';
import { periodTitle } from './state/report-period.js';
import { fewerDaysNote, summarySentences } from './state/report-summary.js';
import { reportText } from './state/report-text.js';
import type { GroupBy, GroupStats } from './state/stats-report.js';
import { reportDocumentStyles } from './manager-report-styles.js';
import './manager-report-bars.js';
import './manager-report-bookings.js';
import './manager-report-heatmap.js';
import './manager-report-tables.js';

/**
 * The printable report of a range: a header (hall, period, when it was made), the headline
 * figures against their goals, a generated summary, comparisons, then one section per page:
 * service time by day, arrivals and waits, services, clerks, directorates, satisfaction and
 * appointments.
 * Laid out for A4 portrait; on screen it is the same document on a sheet.
 */
@customElement('manager-report-document')
export class ManagerReportDocument extends LitElement {
  static override styles = [sharedStyles, reportDocumentStyles];

  /** The figures to show. */
  @property({ attribute: false }) data: ReportData | null = null;
  /** The hall's services (names in both languages, targets). */
  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const lang = this.language;
    const t = reportText(lang);
    const total = d.reports.service?.total ?? d.reports.day?.total;
    if (!total) return nothing;
    const printed = new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: d.timeZone,
    }).format(d.printedAt);
    const sentences = summarySentences(lang, {
      range: d.range,
      total,
      targetMinutes: d.targetMinutes,
      byHour: d.reports.hour?.groups ?? [],
      previous: d.previous,
    });
    const label = (groupBy: GroupBy) => (g: GroupStats) =>
      groupLabel(groupBy, g, lang, this.services, t.notAtCounter);
    const target = formatDecimal(lang, d.targetMinutes, 2);
    const dayMonth = new Intl.DateTimeFormat(localeOf(lang), {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const shortDay = (g: GroupStats) => dayMonth.format(Date.parse(`${g.key}T00:00:00Z`));
    return html`<article class="sheet" data-testid="report-document">
      <section class="first">
        <header class="doc-header">
          <p class="hall" data-testid="report-hall">${d.hallName}</p>
          <h2>${t.title} — ${periodTitle(lang, d.range)}</h2>
          <p class="muted">
            ${t.period}: ${formatDay(lang, d.range.from)} – ${formatDay(lang, d.range.to)} ·
            ${t.printedOn(printed)}
          </p>
        </header>
        <div class="tiles" data-testid="report-headlines">
          ${headlines(total, d.targetMinutes).map(
            (h) =>
              html`<div
                class="tile ${h.met === null ? '' : h.met ? 'met' : 'missed'}"
                data-id=${h.id}
              >
                <span class="tile-label">${t.headline[h.id]}</span>
                <strong class="tile-value"
                  >${
                    h.kind === 'duration'
                      ? formatSeconds(h.value)
                      : h.kind === 'share'
                        ? formatShare(lang, h.value)
                        : formatCount(lang, h.value ?? 0)
                  }</strong
                >
                ${
                  h.goal === null
                    ? nothing
                    : html`<span class="tile-goal"
                        >${t.goal(h.kind === 'duration' ? formatSeconds(h.goal) : formatShare(lang, h.goal))}
                        · ${h.met === null ? '—' : h.met ? t.met : t.missed}</span
                      >`
                }
              </div>`,
          )}
        </div>
        <h3>${t.summaryHeading}</h3>
        <div class="summary" data-testid="report-summary">
          ${sentences.map((s) => html`<p>${s}</p>`)}
        </div>
        <h3>${t.comparisonHeading}</h3>
        ${this._comparison(t.previousPeriod, d.previous)}
        ${this._comparison(t.lastYear, d.lastYear)}
        <p class="muted small">${t.timeZone(d.timeZone)}</p>
      </section>
      <section class="page">
        <h3>${t.sections.daily}</h3>
        ${
          (d.reports.day?.groups ?? []).some((g) => g.serviceTime.meanSeconds !== null)
            ? html`<figure>
                <manager-report-bars
                  .data=${dailyMeanChart(d.reports.day?.groups ?? [], shortDay, d.targetMinutes)}
                  .label=${t.sections.daily}
                  .language=${lang}
                ></manager-report-bars>
                <figcaption class="muted small">${t.dailyCaption(target)}</figcaption>
              </figure>`
            : html`<p class="muted">${t.noDays}</p>`
        }
        <manager-report-tables
          .kind=${'days'}
          .groups=${d.reports.day?.groups ?? []}
          .labelOf=${label('day')}
          .language=${lang}
        ></manager-report-tables>
      </section>
      <section class="page">
        <h3>${t.sections.arrivals}</h3>
        <div class="two">
          <div>
            <h4>${t.byHour}</h4>
            <manager-report-tables
              .kind=${'arrivals'}
              .groups=${d.reports.hour?.groups ?? []}
              .labelOf=${label('hour')}
              .language=${lang}
            ></manager-report-tables>
          </div>
          <div>
            <h4>${t.byWeekday}</h4>
            <manager-report-tables
              .kind=${'arrivals'}
              .groups=${d.reports.weekday?.groups ?? []}
              .labelOf=${label('weekday')}
              .language=${lang}
            ></manager-report-tables>
          </div>
        </div>
        <h4>${t.heatHeading}</h4>
        <figure>
          <manager-report-heatmap
            .map=${heatMap(d.reports['weekday-hour']?.groups ?? [])}
            .language=${lang}
          ></manager-report-heatmap>
          <figcaption class="muted small">${t.heatCaption}</figcaption>
        </figure>
      </section>
      <section class="page">
        <h3>${t.sections.services}</h3>
        <manager-report-tables
          .kind=${'services'}
          .groups=${d.reports.service?.groups ?? []}
          .labelOf=${label('service')}
          .services=${this.services}
          .targetMinutes=${d.targetMinutes}
          .language=${lang}
        ></manager-report-tables>
      </section>
      <section class="page">
        <h3>${t.sections.clerks}</h3>
        <manager-report-tables
          .kind=${'clerks'}
          .groups=${d.reports.clerk?.groups ?? []}
          .labelOf=${label('clerk')}
          .targetMinutes=${d.targetMinutes}
          .language=${lang}
        ></manager-report-tables>
      </section>
      <section class="page">
        ${
          Array.isArray(d.reports.service?.byDirectorate)
            ? html`<h3>${t.sections.directorates}</h3>
                <manager-report-tables
                  .kind=${'directorates'}
                  .directorates=${d.reports.service.byDirectorate}
                  .language=${lang}
                ></manager-report-tables>`
            : nothing
        }
        <h3>${t.sections.satisfaction}</h3>
        <manager-report-tables
          .kind=${'satisfaction'}
          .groups=${d.reports.service?.groups ?? []}
          .total=${total}
          .labelOf=${label('service')}
          .language=${lang}
        ></manager-report-tables>
        ${
          d.reports.service?.bookings
            ? html`<h3>${messages(lang).bookingStats.heading}</h3>
                <manager-report-bookings
                  .stats=${d.reports.service.bookings}
                  .language=${lang}
                ></manager-report-bookings>`
            : nothing
        }
      </section>
    </article>`;
  }

  private _comparison(title: string, c: Comparison) {
    const lang = this.language;
    const t = reportText(lang);
    const days = c.kind === 'ready' && c.fewerDays !== null ? fewerDaysNote(lang, c.fewerDays) : '';
    const heading = html`<h4>${title} (${periodTitle(lang, c.range)}${days})</h4>`;
    if (c.kind !== 'ready')
      return html`${heading}
        <p class="muted" data-testid="no-comparison">
          ${c.kind === 'none' ? t.noComparison : '…'}
        </p>`;
    const show = (kind: string, v: number | null, signed = false) => {
      if (v === null) return '—';
      const sign = signed && v > 0 ? '+' : signed && v < 0 ? '−' : '';
      const a = signed ? Math.abs(v) : v;
      if (kind === 'duration') return `${sign}${formatSeconds(a)}`;
      if (kind === 'share')
        return signed
          ? `${sign}${formatDecimal(lang, a * 100, 1)} ${lang === 'tr' ? 'puan' : 'pts'}`
          : formatShare(lang, a);
      if (kind === 'rating') return `${sign}${formatDecimal(lang, a, 2)}`;
      return `${sign}${formatCount(lang, a)}`;
    };
    return html`${heading}
      <table class="compact">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" class="num">${t.thisPeriod}</th>
            <th scope="col" class="num">${title}</th>
            <th scope="col" class="num">${t.change}</th>
          </tr>
        </thead>
        <tbody>
          ${c.rows.map(
            (r) =>
              html`<tr>
                <th scope="row">${t.compared[r.id]}</th>
                <td class="num">${show(r.kind, r.current)}</td>
                <td class="num">${show(r.kind, r.other)}</td>
                <td class="num ${r.better === null ? '' : r.better ? 'better' : 'worse'}">
                  ${show(r.kind, r.delta, true)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-report-document': ManagerReportDocument;
  }
}
