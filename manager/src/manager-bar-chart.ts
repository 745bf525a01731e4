import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { BarChartData } from './state/charts.js';
import { localeOf } from './state/format.js';

// Only what bar charts need: the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** A series as drawn: its label and whether its bars take the warning colour past the target. */
export interface SeriesStyle {
  label: string;
  /** `primary` or `secondary` colour; `primary` bars over the target take the warning colour. */
  tone: 'primary' | 'secondary';
}

/**
 * A bar chart (Chart.js) with an optional target line, either across the values (a mean
 * against its target) or between two categories (a distribution's bin edge). The canvas is
 * an image with a text summary; the numbers are also in the detail table.
 */
@customElement('manager-bar-chart')
export class ManagerBarChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    figure {
      margin: 0;
    }
    .frame {
      position: relative;
      height: var(--chart-height, 240px);
    }
    figcaption {
      font-size: 0.85rem;
      color: var(--manager-muted);
      margin-top: 4px;
    }
    .empty {
      display: grid;
      place-items: center;
      height: 100%;
      color: var(--manager-muted);
      font-weight: 600;
    }
  `;

  @query('canvas') private _canvas!: HTMLCanvasElement | null;
  private _chart: Chart<'bar'> | null = null;

  @property({ attribute: false }) data: BarChartData | null = null;
  @property({ attribute: false }) seriesStyles: Record<string, SeriesStyle> = {};
  /** Bars along the y axis (long names read better that way). */
  @property({ type: Boolean }) horizontal = false;
  /** Values are counts: whole-number ticks only. */
  @property({ type: Boolean }) counts = false;
  /** Number format of the axes and tooltips. */
  @property() language: Lang = 'tr';
  /** Text on the target line. */
  @property() targetLabel = '';
  /** What the chart shows, for screen readers (with the figures). */
  @property() summary = '';
  /** A line under the chart (a legend for the warning colour, a note). */
  @property() caption = '';
  @property() emptyText = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = null;
  }

  override render() {
    const empty = !this.data || this.data.labels.length === 0;
    return html`<figure>
      <div class="frame">
        ${
          empty
            ? html`<p class="empty">${this.emptyText}</p>`
            : html`<canvas role="img" aria-label=${this.summary}></canvas>`
        }
      </div>
      ${this.caption ? html`<figcaption>${this.caption}</figcaption>` : nothing}
    </figure>`;
  }

  override updated(): void {
    if (!this._canvas || !this.data || this.data.labels.length === 0) {
      this._chart?.destroy();
      this._chart = null;
      return;
    }
    const config = this._config(this.data);
    if (this._chart && this._chart.canvas === this._canvas) {
      this._chart.data = config.data;
      this._chart.options = config.options!;
      this._chart.update();
    } else {
      this._chart?.destroy();
      this._chart = new Chart(this._canvas, config);
    }
  }

  private _config(data: BarChartData): ChartConfiguration<'bar'> {
    const css = getComputedStyle(this);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const primary = color('--manager-chart-1', '#0b4f9c');
    const secondary = color('--manager-chart-2', '#7fa7d6');
    const over = color('--manager-chart-over', '#b45309');
    const text = color('--manager-text', '#16202a');
    const font = { family: color('--manager-font', 'sans-serif'), size: 12 };
    const valueAxis = this.horizontal ? 'x' : 'y';
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map((s) => {
          const style = this.seriesStyles[s.id] ?? { label: s.id, tone: 'primary' };
          const base = style.tone === 'primary' ? primary : secondary;
          return {
            label: style.label,
            data: s.values,
            backgroundColor:
              style.tone === 'primary' ? data.over.map((o) => (o ? over : base)) : base,
            borderWidth: 0,
            // A range of a day or two must not draw one bar across the whole chart.
            maxBarThickness: 56,
          };
        }),
      },
      options: {
        locale: localeOf(this.language),
        animation: false,
        maintainAspectRatio: false,
        indexAxis: this.horizontal ? 'y' : 'x',
        layout: { padding: { top: 18, right: 8 } },
        scales: {
          [valueAxis]: {
            beginAtZero: true,
            ticks: { color: text, font, precision: this.counts ? 0 : undefined },
            grace: '8%',
            // Room for the target line even when every bar is well under it.
            suggestedMax: data.targetValue === null ? undefined : data.targetValue * 1.1,
          },
          [this.horizontal ? 'y' : 'x']: { ticks: { color: text, font, autoSkip: true } },
        },
        plugins: {
          legend: {
            display: data.series.length > 1,
            labels: { color: text, font, boxWidth: 14 },
          },
          tooltip: { enabled: true },
        },
      },
      plugins: [this._targetLine],
    };
  }

  /** Draws the target as a dashed line with its label, over the bars. */
  private readonly _targetLine: Plugin<'bar'> = {
    id: 'managerTargetLine',
    afterDatasetsDraw: (chart) => {
      const data = this.data;
      if (!data || (data.targetValue === null && data.targetIndex === null)) return;
      const { ctx, chartArea: area } = chart;
      const css = getComputedStyle(this);
      const lineColor = css.getPropertyValue('--manager-chart-target').trim() || '#c62828';
      let from: [number, number];
      let to: [number, number];
      if (data.targetValue !== null) {
        const scale = chart.scales[this.horizontal ? 'x' : 'y']!;
        const p = scale.getPixelForValue(data.targetValue);
        from = this.horizontal ? [p, area.top] : [area.left, p];
        to = this.horizontal ? [p, area.bottom] : [area.right, p];
      } else {
        const scale = chart.scales[this.horizontal ? 'y' : 'x']!;
        const i = data.targetIndex!;
        const lo = Math.floor(i);
        const a = scale.getPixelForValue(lo);
        const b = scale.getPixelForValue(lo + 1);
        const p = a + (b - a) * (i - lo);
        from = this.horizontal ? [area.left, p] : [p, area.top];
        to = this.horizontal ? [area.right, p] : [p, area.bottom];
      }
      ctx.save();
      ctx.strokeStyle = lineColor;
      ctx.fillStyle = lineColor;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(...from);
      ctx.lineTo(...to);
      ctx.stroke();
      if (this.targetLabel) {
        ctx.setLineDash([]);
        ctx.font = `600 12px ${css.getPropertyValue('--manager-font') || 'sans-serif'}`;
        const vertical = from[0] === to[0];
        const width = ctx.measureText(this.targetLabel).width;
        // Beside the line, on the side where the text fits inside the chart.
        const leftOfLine = vertical && from[0] + 4 + width > area.right;
        ctx.textAlign = vertical ? (leftOfLine ? 'right' : 'left') : 'right';
        ctx.textBaseline = 'bottom';
        const x = vertical ? from[0] + (leftOfLine ? -4 : 4) : to[0] - 2;
        const y = vertical ? area.top + 14 : from[1] - 3;
        ctx.fillText(this.targetLabel, x, y);
      }
      ctx.restore();
    },
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-bar-chart': ManagerBarChart;
  }
}
