import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './display-waiting-list.styles.js';
import { text } from './i18n.js';
import { balancedColumns } from './state/board-layout.js';
import { waitText, type WaitingRow } from './state/board.js';

/** Tiles side by side at most, by the screen's shape (the styles pick one by aspect ratio). */
const MAX_PER_ROW = { wide: 5, landscape: 4, square: 3, portrait: 2 } as const;

/** People waiting per service, with the estimated wait, along the bottom of the screen. */
@customElement('display-waiting-list')
export class DisplayWaitingList extends LitElement {
  static override styles = styles;

  /** One row per active service. */
  @property({ attribute: false }) rows: WaitingRow[] = [];

  override render() {
    const n = this.rows.length;
    const columns = Object.entries(MAX_PER_ROW)
      .map(([shape, max]) => `--cols-${shape}: ${balancedColumns(n, max)}`)
      .join('; ');
    return html`<h2>${text.waitingTitle.tr}<span lang="en">${text.waitingTitle.en}</span></h2>
      <ul style=${columns}>
        ${this.rows.map((r) => {
          const count = text.waitingCount(r.waiting);
          const wait = waitText(r.estimate);
          return html`<li data-service=${r.serviceId}>
            <span class="prefix" aria-hidden="true">${r.prefix}</span>
            <span class="name">${r.name.tr}</span>
            <span class="name en" lang="en">${r.name.en}</span>
            ${
              r.waiting > 0
                ? html`<span class="count">${count.tr}</span> <span class="wait">${wait.tr}</span>`
                : html`<span class="none">${text.noneWaiting.tr}</span>`
            }
          </li>`;
        })}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-waiting-list': DisplayWaitingList;
  }
}
