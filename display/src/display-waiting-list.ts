import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { text } from './i18n.js';
import type { WaitingRow } from './state/board.js';

/** People waiting per service, with the estimated wait, along the bottom of the screen. */
@customElement('display-waiting-list')
export class DisplayWaitingList extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 24px;
      align-items: stretch;
    }
    h2 {
      margin: 0;
      display: flex;
      flex-direction: column;
      justify-content: center;
      font-size: 40px;
      font-weight: 800;
      writing-mode: horizontal-tb;
    }
    h2 span {
      font-size: 28px;
      font-weight: 600;
      color: var(--display-muted);
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: 1fr;
      gap: 16px;
    }
    li {
      display: grid;
      grid-template-columns: auto 1fr;
      grid-template-rows: auto auto;
      column-gap: 14px;
      align-items: center;
      padding: 14px 18px;
      border-radius: 18px;
      background: var(--display-panel);
      border: 3px solid var(--display-panel-edge);
      min-width: 0;
    }
    .prefix {
      grid-row: 1 / span 2;
      display: grid;
      place-items: center;
      width: 64px;
      height: 64px;
      border-radius: 14px;
      background: var(--display-text);
      color: var(--display-bg);
      font-size: 44px;
      font-weight: 800;
    }
    .name {
      font-size: 28px;
      font-weight: 700;
      line-height: 1.15;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .name span {
      display: block;
      font-size: 20px;
      font-weight: 500;
      color: var(--display-muted);
    }
    .figures {
      grid-column: 1 / -1;
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 12px;
      margin-top: 10px;
      white-space: nowrap;
    }
    .count {
      font-size: 44px;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
    .wait {
      font-size: 32px;
      font-weight: 700;
      color: var(--display-accent);
    }
    .none {
      font-size: 28px;
      color: var(--display-muted);
    }
  `;

  /** One row per active service. */
  @property({ attribute: false }) rows: WaitingRow[] = [];

  override render() {
    return html`<h2>${text.waitingTitle.tr}<span lang="en">${text.waitingTitle.en}</span></h2>
      <ul>
        ${this.rows.map(
          (r) =>
            html`<li data-service=${r.serviceId}>
              <span class="prefix" aria-hidden="true">${r.prefix}</span>
              <span class="name">${r.name.tr}<span lang="en">${r.name.en}</span></span>
              <span class="figures">
                ${r.waiting > 0
                  ? html`<span class="count">${text.waitingCount(r.waiting).tr}</span>
                      <span class="wait">${text.estimatedWait(r.estimatedWaitMinutes).tr}</span>`
                  : html`<span class="none">${text.noneWaiting.tr}</span>`}
              </span>
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-waiting-list': DisplayWaitingList;
  }
}
