import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { text } from './i18n.js';
import type { RecentCallRow } from './state/board.js';

/** The last calls, newest on top: ticket number and counter. */
@customElement('display-recent-calls')
export class DisplayRecentCalls extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      padding: 20px 28px;
      border-radius: var(--display-radius);
      background: var(--display-panel);
      border: 4px solid var(--display-panel-edge);
    }
    h2 {
      margin: 0 0 12px;
      font-size: 40px;
      font-weight: 800;
    }
    h2 span {
      font-size: 30px;
      font-weight: 600;
      color: var(--display-muted);
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 20px;
      padding: 8px 16px;
      border-bottom: 3px solid var(--display-panel-edge);
      font-size: 60px;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
    li:last-child {
      border-bottom: 0;
    }
    li.flashing {
      border-radius: 14px;
      background: var(--display-accent);
      color: var(--display-accent-text);
    }
    .counter {
      font-size: 44px;
      font-weight: 700;
    }
    .empty {
      font-size: 40px;
      color: var(--display-muted);
    }
  `;

  /** Newest first. */
  @property({ attribute: false }) rows: RecentCallRow[] = [];

  override render() {
    return html`<h2>${text.recentCalls.tr} <span lang="en">/ ${text.recentCalls.en}</span></h2>
      ${this.rows.length === 0
        ? html`<p class="empty">
            ${text.noRecentCalls.tr} / <span lang="en">${text.noRecentCalls.en}</span>
          </p>`
        : html`<ol>
            ${this.rows.map(
              (r) =>
                html`<li class=${r.flashing ? 'flashing' : ''}>
                  <span data-ticket>${r.ticketNumber}</span>
                  <span class="counter"
                    >${text.counter.tr} <span data-counter>${r.counterNumber}</span></span
                  >
                </li>`,
            )}
          </ol>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-recent-calls': DisplayRecentCalls;
  }
}
