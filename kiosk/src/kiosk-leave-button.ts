import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';

/** "Sıradan çık" with a confirm step. Fires `leave` once the visitor confirms. */
@customElement('kiosk-leave-button')
export class KioskLeaveButton extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .confirm {
      padding: 16px;
      border: 2px solid var(--phone-danger, #a3001b);
      border-radius: 12px;
      background: #ffffff;
    }
    p {
      margin: 0 0 12px;
      font-size: 1.05rem;
      line-height: 1.4;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    button {
      flex: 1 1 auto;
      min-height: 52px;
      padding: 0 18px;
      border-radius: 12px;
      font: inherit;
      font-size: 1.05rem;
      font-weight: 700;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 4px solid var(--phone-focus, #ffb000);
      outline-offset: 2px;
    }
    .leave {
      width: 100%;
      border: 2px solid var(--phone-danger, #a3001b);
      background: #ffffff;
      color: var(--phone-danger, #a3001b);
    }
    .yes {
      border: 0;
      background: var(--phone-danger, #a3001b);
      color: #ffffff;
    }
    .no {
      border: 2px solid var(--phone-ink, #0b1a2e);
      background: #ffffff;
      color: var(--phone-ink, #0b1a2e);
    }
  `;

  @state() private _confirming = false;

  @property() language: Lang = 'tr';
  /** The cancel request is in flight. */
  @property({ type: Boolean }) busy = false;

  override render() {
    const text = t(this.language);
    if (!this._confirming)
      return html`<button type="button" class="leave" @click=${() => (this._confirming = true)}>
        ${text.leave}
      </button>`;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="q">
      <p id="q">${text.leaveConfirm}</p>
      <div class="actions">
        <button type="button" class="yes" ?disabled=${this.busy} @click=${this._leave}>
          ${text.leaveYes}
        </button>
        <button type="button" class="no" @click=${() => (this._confirming = false)}>
          ${text.leaveNo}
        </button>
      </div>
    </div>`;
  }

  private _leave(): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('leave', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-leave-button': KioskLeaveButton;
  }
}
