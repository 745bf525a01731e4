import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { BarChartData } from './state/charts.js';
import { formatDecimal } from './state/format.js';
import './manager-bar-chart.js';

/**
 * The charts of a range: the mean service time day by day, then by hour, the service-time
 * distribution, by service and by clerk.
 */
@customElement('manager-stats-charts')
export class ManagerStatsCharts extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 12px;
      }
      section {
        --chart-height: 230px;
      }
      section.wide {
        grid-column: 1 / -1;
        --chart-height: 200px;
      }
      h3 {
        font-size: 0.98rem;
      }
      p {
        margin: 0;
      }
      @media (max-width: 1000px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) daily: BarChartData | null = null;
  @property({ attribute: false }) hourly: BarChartData | null = null;
  /** null while it loads or when it cannot be drawn (`distributionNote` says why). */
  @property({ attribute: false }) distribution: BarChartData | null = null;
  @property() distributionNote = '';
  @property({ attribute: false }) byService: BarChartData | null = null;
  @property({ attribute: false }) byClerk: BarChartData | null = null;
  /** The target line's text (`Hedef 4 dk`). */
  @property() targetText = '';
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const mean = { 'mean-service': { label: m.seriesMean, tone: 'primary' as const } };
    return html`
      <section class="card wide" aria-labelledby="chart-daily">
        <h3 id="chart-daily">${m.chartDaily}</h3>
        <manager-bar-chart
          .language=${this.language}
          .data=${this.daily}
          .seriesStyles=${mean}
          .targetLabel=${this.targetText}
          .summary=${this._summary(m.chartDaily, this.daily, 2)}
          .caption=${m.overTargetLegend}
          .emptyText=${m.noChartData}
        ></manager-bar-chart>
      </section>
      <section class="card" aria-labelledby="chart-hourly">
        <h3 id="chart-hourly">${m.chartHourly}</h3>
        <manager-bar-chart
          .language=${this.language}
          counts
          .data=${this.hourly}
          .seriesStyles=${{
            issued: { label: m.seriesIssued, tone: 'secondary' },
            served: { label: m.seriesServed, tone: 'primary' },
          }}
          .summary=${this._summary(m.chartHourly, this.hourly, 1)}
          .emptyText=${m.noChartData}
        ></manager-bar-chart>
      </section>
      <section class="card" aria-labelledby="chart-distribution" data-testid="chart-distribution">
        <h3 id="chart-distribution">${m.chartDistribution}</h3>
        ${
          this.distribution
            ? html`<manager-bar-chart
                .language=${this.language}
                counts
                .data=${this.distribution}
                .seriesStyles=${{ visits: { label: m.seriesVisits, tone: 'primary' } }}
                .targetLabel=${this.targetText}
                .summary=${this._summary(m.chartDistribution, this.distribution, 0)}
                .caption=${m.overTargetLegend}
                .emptyText=${m.noChartData}
              ></manager-bar-chart>`
            : html`<p class="muted" role="status">${this.distributionNote}</p>`
        }
      </section>
      <section class="card" aria-labelledby="chart-service">
        <h3 id="chart-service">${m.chartByService}</h3>
        <manager-bar-chart
          .language=${this.language}
          horizontal
          .data=${this.byService}
          .seriesStyles=${mean}
          .targetLabel=${this.targetText}
          .summary=${this._summary(m.chartByService, this.byService, 2)}
          .caption=${m.overTargetLegend}
          .emptyText=${m.noChartData}
        ></manager-bar-chart>
      </section>
      <section class="card" aria-labelledby="chart-clerk">
        <h3 id="chart-clerk">${m.chartByClerk}</h3>
        <manager-bar-chart
          .language=${this.language}
          horizontal
          .data=${this.byClerk}
          .seriesStyles=${mean}
          .targetLabel=${this.targetText}
          .summary=${this._summary(m.chartByClerk, this.byClerk, 2)}
          .caption=${m.overTargetLegend}
          .emptyText=${m.noChartData}
        ></manager-bar-chart>
      </section>
    `;
  }

  /** "Title: label value, label value…" of the first series, for the canvas's text alternative. */
  private _summary(title: string, data: BarChartData | null, digits: number): string {
    const m = messages(this.language);
    if (!data || data.labels.length === 0) return `${title}: ${m.noChartData}`;
    const values = data.series[0]?.values ?? [];
    const parts = data.labels
      .map((l, i) => `${l} ${formatDecimal(this.language, values[i] ?? 0, digits)}`)
      .join(', ');
    return m.chartSummary(title, parts);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-stats-charts': ManagerStatsCharts;
  }
}
