import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './display-waiting-list.styles.js';
import { text } from './i18n.js';
import type { WaitingRow } from './state/board.js';

/** People waiting per service, with the estimated wait, along the bottom of the screen. */
@customElement('display-waiting-list')
export class DisplayWaitingList extends LitElement {
  static override styles = styles;

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
                ${
                  r.waiting > 0
                    ? html`<span class="count">${text.waitingCount(r.waiting).tr}</span>
                        <span class="wait">${text.estimatedWait(r.estimatedWaitMinutes).tr}</span>`
                    : html`<span class="none">${text.noneWaiting.tr}</span>`
                }
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
