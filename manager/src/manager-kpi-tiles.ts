import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { formatCount, formatDecimal, formatSeconds, formatShare } from './state/format.js';
import type { KpiDetail, KpiTile } from './state/kpi.js';

/** The key figures of a range, each with its goal and whether it is met (in words too). */
@customElement('manager-kpi-tiles')
export class ManagerKpiTiles extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(7, minmax(0, 1fr));
        gap: 10px;
      }
      li.card {
        display: grid;
        align-content: start;
        gap: 2px;
        padding: 10px 12px;
        border-left-width: 6px;
      }
      li[data-status='good'] {
        border-left-color: var(--manager-ok-edge);
      }
      li[data-status='bad'] {
        border-left-color: var(--manager-red-edge);
      }
      .title {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--manager-muted);
      }
      .value {
        font-size: 1.7rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        line-height: 1.15;
      }
      .status {
        font-size: 0.85rem;
        font-weight: 700;
      }
      li[data-status='good'] .status {
        color: var(--manager-ok-text);
      }
      li[data-status='good'] .status::before {
        content: '✓ ';
      }
      li[data-status='bad'] .status {
        color: var(--manager-red-text);
      }
      li[data-status='bad'] .status::before {
        content: '✕ ';
      }
      .detail {
        font-size: 0.82rem;
        color: var(--manager-muted);
      }
      @media (max-width: 1250px) {
        ul {
          grid-template-columns: repeat(4, minmax(0, 1fr));
        }
      }
    `,
  ];

  @property({ attribute: false }) tiles: KpiTile[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<ul aria-label=${m.kpiHeading}>
      ${this.tiles.map(
        (t) =>
          html`<li class="card" data-kpi=${t.id} data-status=${t.status}>
            <span class="title">${m.kpi[t.id]}</span>
            <span class="value" data-testid=${`kpi-${t.id}`}>${this._value(t)}</span>
            ${this._goal(t)}
            ${
              t.status === 'good' || t.status === 'bad'
                ? html`<span class="status">${t.status === 'good' ? m.kpiGood : m.kpiBad}</span>`
                : nothing
            }
            ${t.details
              .filter((d) => d.kind !== 'share-of-issued' || d.share !== null)
              .map((d) => html`<span class="detail">${this._detail(d, t)}</span>`)}
          </li>`,
      )}
    </ul>`;
  }

  private _value(t: KpiTile): string {
    const lang = this.language;
    const few = t.details.find((d) => d.kind === 'too-few-ratings');
    // Too few ratings for a mean: the count is the headline.
    if (t.value === null && few) return messages(lang).ratings(few.count);
    if (t.value === null) return '—';
    switch (t.kind) {
      case 'duration':
        return formatSeconds(t.value);
      case 'share':
        return formatShare(lang, t.value);
      case 'count':
        return formatCount(lang, t.value);
      case 'rating':
        return `${formatDecimal(lang, t.value, 2)} / 5`;
    }
  }

  private _goal(t: KpiTile) {
    const m = messages(this.language);
    if (t.goal === null) return nothing;
    const text =
      t.kind === 'duration'
        ? m.goalDuration(formatSeconds(t.goal))
        : m.goalShare(formatShare(this.language, t.goal));
    return html`<span class="detail">${text}</span>`;
  }

  private _detail(d: KpiDetail, t: KpiTile): string {
    const m = messages(this.language);
    const lang = this.language;
    switch (d.kind) {
      case 'median':
        return m.median(formatSeconds(d.seconds));
      case 'p90':
        return m.p90(formatSeconds(d.seconds));
      case 'of-measured':
        return m.ofMeasured(formatCount(lang, d.part), formatCount(lang, d.whole));
      case 'forwarded':
        return m.forwarded(formatCount(lang, d.count));
      case 'issued':
        return m.issued(formatCount(lang, d.count));
      case 'share-of-issued':
        return m.shareOfIssued(formatShare(lang, d.share));
      case 'ratings':
        return t.value === null ? m.noRatings : m.ratings(d.count);
      case 'too-few-ratings':
        return m.meanFromRatings(d.minimum);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-kpi-tiles': ManagerKpiTiles;
  }
}
