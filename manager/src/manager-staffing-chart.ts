import { LitElement, css, html, svg, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { formatCount } from './state/format.js';
import type { PlanChart } from './state/staffing.js';
import { staffingText } from './state/staffing-text.js';

const W = 900;
const H = 230;
const PAD = { left: 44, right: 52, top: 22, bottom: 30 };

/**
 * The staffing plan as an SVG chart: per hour, the counters needed beside the counters open
 * on the past same weekdays (in the warning colour, with a mark, where waits were long with
 * too few open), and the expected visitors as a line on the right axis. The figures are also
 * in the table; the SVG is an image with a one-sentence summary.
 */
@customElement('manager-staffing-chart')
export class ManagerStaffingChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    figure {
      margin: 0;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
      font-family: var(--manager-font);
    }
    .axis text {
      font-size: 13px;
      fill: var(--manager-text);
    }
    .grid {
      stroke: var(--manager-border);
    }
    .needed {
      fill: var(--manager-chart-1);
    }
    .open {
      fill: var(--manager-chart-2);
    }
    .open.under {
      fill: var(--manager-chart-over);
    }
    .mark {
      font-size: 15px;
      font-weight: 700;
      fill: var(--manager-chart-over);
    }
    .arrivals {
      fill: none;
      stroke: var(--manager-text);
      stroke-width: 2;
    }
    .dot {
      fill: var(--manager-surface);
      stroke: var(--manager-text);
      stroke-width: 2;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 18px;
      list-style: none;
      margin: 6px 0 0;
      padding: 0;
      font-size: 0.85rem;
    }
    li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 14px;
      height: 14px;
      border-radius: 2px;
      display: inline-block;
    }
    .swatch.line {
      height: 3px;
      background: var(--manager-text);
    }
  `;

  /** What to draw (see `planChart`). */
  @property({ attribute: false }) chart: PlanChart | null = null;
  /** The chart in one sentence, for screen readers. */
  @property() summary = '';
  @property() language: Lang = 'tr';

  override render() {
    const c = this.chart;
    if (!c || c.hours.length === 0) return nothing;
    const t = staffingText(this.language);
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const slot = plotW / c.hours.length;
    const bar = Math.min(28, slot * 0.36);
    const step = c.counterMax > 12 ? Math.ceil(c.counterMax / 6) : c.counterMax > 6 ? 2 : 1;
    // The top of the counters axis on a tick, so the tallest bar has its number.
    const counterTop = Math.ceil(c.counterMax / step) * step;
    const yC = (v: number) => PAD.top + plotH - (v / counterTop) * plotH;
    const yA = (v: number) => PAD.top + plotH - (v / c.arrivalMax) * plotH;
    const counterTicks: number[] = [];
    for (let v = 0; v <= counterTop; v += step) counterTicks.push(v);
    const arrivalTicks = [0, c.arrivalMax / 2, c.arrivalMax];
    const cx = (i: number) => PAD.left + slot * (i + 0.5);
    const points = c.arrivals.map((a, i) => `${cx(i)},${yA(a)}`).join(' ');
    return html`<figure>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.summary}>
        <g class="axis">
          ${counterTicks.map(
            (v) =>
              svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${yC(v)} y2=${yC(v)}></line>
                <text x=${PAD.left - 8} y=${yC(v) + 4} text-anchor="end">${v}</text>`,
          )}
          ${arrivalTicks.map(
            (v) =>
              svg`<text x=${W - PAD.right + 8} y=${yA(v) + 4}>${formatCount(this.language, v)}</text>`,
          )}
          ${c.hours.map(
            (h, i) =>
              svg`<text x=${cx(i)} y=${H - PAD.bottom + 17} text-anchor="middle">${String(h).padStart(2, '0')}</text>`,
          )}
        </g>
        ${c.hours.map((_, i) => {
          const open = c.open[i] ?? null;
          return svg`<rect class="needed" x=${cx(i) - bar - 1} y=${yC(c.needed[i]!)} width=${bar}
              height=${yC(0) - yC(c.needed[i]!)}></rect>
            ${
              open === null
                ? nothing
                : svg`<rect class="open ${c.understaffed[i] ? 'under' : ''}" x=${cx(i) + 1}
                    y=${yC(open)} width=${bar} height=${yC(0) - yC(open)}></rect>`
            }
            ${
              c.understaffed[i]
                ? svg`<text class="mark" x=${cx(i) + 1 + bar / 2} y=${Math.min(yC(open ?? 0), yC(c.needed[i]!)) - 4}
                    text-anchor="middle">!</text>`
                : nothing
            }`;
        })}
        <polyline class="arrivals" points=${points}></polyline>
        ${c.arrivals.map((a, i) => svg`<circle class="dot" cx=${cx(i)} cy=${yA(a)} r="3.5"></circle>`)}
      </svg>
      <ul>
        <li>
          <span class="swatch" style="background: var(--manager-chart-1)"></span>${t.legendNeeded}
        </li>
        <li>
          <span class="swatch" style="background: var(--manager-chart-2)"></span>${t.legendOpen}
        </li>
        <li>
          <span class="swatch" style="background: var(--manager-chart-over)"></span>!
          ${t.legendUnderstaffed}
        </li>
        <li><span class="swatch line"></span>${t.legendArrivals}</li>
      </ul>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-staffing-chart': ManagerStaffingChart;
  }
}
