import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { BarChartData } from './state/charts.js';
import { formatDecimal } from './state/format.js';

const W = 640;
const H = 220;
const LEFT = 40;
const BOTTOM = 40;
const TOP = 10;

/**
 * A bar chart drawn as SVG, for the printed report: it scales with the page and prints sharp
 * (a canvas prints as a bitmap of the screen's size). One series; bars over the target take
 * the warning colour and the target is a red line. The numbers are in the tables beside it.
 */
@customElement('manager-report-bars')
export class ManagerReportBars extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    .bar {
      fill: var(--manager-accent);
    }
    .bar.over {
      fill: var(--manager-chart-over);
    }
    .target {
      stroke: var(--manager-chart-target);
      stroke-width: 2;
    }
    .axis {
      stroke: var(--manager-border);
    }
    text {
      font: 10px var(--manager-font);
      fill: var(--manager-muted);
    }
  `;

  /** What to draw (the first series). */
  @property({ attribute: false }) data: BarChartData | null = null;
  /** The chart's name, read by screen readers. */
  @property() label = '';
  @property() language: Lang = 'tr';

  override render() {
    const d = this.data;
    const values = d?.series[0]?.values ?? [];
    const top = Math.max(1, ...values, d?.targetValue ?? 0);
    // Whole steps on the value axis (minutes): 1, 2 or 5 apart, a step of room above the top.
    const step = top <= 6 ? 1 : top <= 12 ? 2 : 5;
    const max = (Math.floor(top / step) + 1) * step;
    const plotW = W - LEFT - 4;
    const plotH = H - TOP - BOTTOM;
    const slot = values.length === 0 ? plotW : plotW / values.length;
    const y = (v: number) => TOP + plotH - (v / max) * plotH;
    const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
    // Every label when they fit, else every n-th so they never overlap.
    const every = Math.max(1, Math.ceil(values.length / 16));
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.label}>
      ${ticks.map(
        (t) =>
          svg`<line class="axis" x1=${LEFT} x2=${W - 4} y1=${y(t)} y2=${y(t)}></line>
            <text x=${LEFT - 4} y=${y(t) + 3} text-anchor="end">${formatDecimal(this.language, t, 1)}</text>`,
      )}
      ${values.map(
        (v, i) =>
          svg`<rect class=${d?.over[i] ? 'bar over' : 'bar'} x=${LEFT + i * slot + slot * 0.15}
            y=${y(v)} width=${Math.max(1, slot * 0.7)} height=${Math.max(0, TOP + plotH - y(v))}></rect>`,
      )}
      ${values.map((_, i) =>
        i % every === 0
          ? svg`<text x=${LEFT + (i + 0.5) * slot} y=${H - BOTTOM + 12}
              text-anchor="end" transform=${`rotate(-45 ${LEFT + (i + 0.5) * slot} ${H - BOTTOM + 12})`}
              >${d?.labels[i] ?? ''}</text>`
          : null,
      )}
      ${
        d?.targetValue != null
          ? svg`<line class="target" x1=${LEFT} x2=${W - 4} y1=${y(d.targetValue)} y2=${y(d.targetValue)}></line>`
          : null
      }
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-report-bars': ManagerReportBars;
  }
}
