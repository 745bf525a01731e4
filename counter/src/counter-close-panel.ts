import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

/**
 * Asks before closing a counter that still holds a visit. A called visitor can go back to the
 * line and the counter close (`counter-submit`); a visit in service must be completed first
 * (`counter-finish` opens the complete form). `counter-cancel` leaves everything as it was.
 */
@customElement('counter-close-panel')
export class CounterClosePanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .confirm {
        display: grid;
        gap: 12px;
        padding: 12px 14px;
        border: 2px solid var(--counter-amber-edge);
        border-radius: var(--counter-radius);
        background: var(--counter-amber-bg);
        color: var(--counter-amber-text);
      }
      h3,
      p {
        margin: 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
      }
    `,
  ];

  @query('[data-close-cancel]') private _cancel!: HTMLButtonElement;

  /** `requeue` for a called visitor, `finish` for a visit in service. */
  @property() kind: 'requeue' | 'finish' = 'requeue';
  /** The number of the visit at the desk. */
  @property() number = '';
  /** The interface language. */
  @property() language: Lang = 'tr';

  override firstUpdated(): void {
    // The focus goes to "Vazgeç", so Enter or Space cannot close the counter by accident.
    this._cancel.focus();
  }

  override render() {
    const m = messages(this.language);
    const requeue = this.kind === 'requeue';
    return html`<div
      class="confirm"
      role="alertdialog"
      aria-labelledby="close-heading"
      aria-describedby="close-text"
    >
      <h3 id="close-heading">${m.closeHeading}</h3>
      <p id="close-text" data-testid="close-confirm">
        ${requeue ? m.closeRequeueText(this.number) : m.closeFinishText(this.number)}
      </p>
      <div class="row">
        <button
          type="button"
          class="primary"
          @click=${() => this._emit(requeue ? 'counter-submit' : 'counter-finish')}
        >
          ${requeue ? m.closeRequeueConfirm : m.closeFinishConfirm}
        </button>
        <button type="button" data-close-cancel @click=${() => this._emit('counter-cancel')}>
          <span>${m.cancel}</span><kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </div>`;
  }

  private _emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-close-panel': CounterClosePanel;
  }
}
