import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { formatNumber, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { OwnStats } from './state/model.js';
import { formatDuration } from './state/timer.js';

/** The clerk's own day so far: completed visits and mean service time. */
@customElement('counter-own-stats')
export class CounterOwnStats extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      dl {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 8px 12px;
        margin: 0;
        align-items: baseline;
      }
      dd {
        margin: 0;
        font-size: 1.4rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
    `,
  ];

  /** Completed visits and mean service time. */
  @property({ attribute: false }) stats: OwnStats = { completed: 0, meanServiceMs: null };
  /** The interface language. */
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const mean = this.stats.meanServiceMs;
    return html`<section class="card" aria-labelledby="own-heading">
      <h2 id="own-heading">${m.ownHeading}</h2>
      <dl>
        <dt>${m.completed}</dt>
        <dd data-testid="own-completed">${formatNumber(this.language, this.stats.completed)}</dd>
        <dt>${m.meanService}</dt>
        <dd data-testid="own-mean">${mean === null ? '—' : formatDuration(mean)}</dd>
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-own-stats': CounterOwnStats;
  }
}
