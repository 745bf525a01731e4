import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import { notifyState, type NotifyState } from './state/phone-status.js';

function permission(): NotificationPermission | null {
  return 'Notification' in window ? Notification.permission : null;
}

/** Asks for notification permission, only when the visitor taps it. */
@customElement('kiosk-notify-button')
export class KioskNotifyButton extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    button {
      width: 100%;
      min-height: 52px;
      padding: 0 18px;
      border: 0;
      border-radius: 12px;
      background: var(--phone-accent, #0b4f8a);
      color: #ffffff;
      font: inherit;
      font-size: 1.05rem;
      font-weight: 700;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 4px solid var(--phone-focus, #ffb000);
      outline-offset: 2px;
    }
    p {
      margin: 0;
      font-size: 0.98rem;
      color: var(--phone-muted, #36465a);
    }
  `;

  @state() private _state: NotifyState = notifyState(permission(), window.isSecureContext);

  @property() language: Lang = 'tr';

  override render() {
    const text = t(this.language);
    switch (this._state) {
      case 'unsupported':
        return null;
      case 'ask':
        return html`<button type="button" @click=${this._ask}>${text.notifyAsk}</button>`;
      case 'granted':
        return html`<p role="status">${text.notifyOn}</p>`;
      case 'denied':
        return html`<p role="status">${text.notifyDenied}</p>`;
      case 'needs-https':
        return html`<p role="status" data-notify="needs-https">${text.notifyNeedsHttps}</p>`;
    }
  }

  private async _ask(): Promise<void> {
    try {
      await Notification.requestPermission();
    } finally {
      this._state = notifyState(permission(), window.isSecureContext);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notify-button': KioskNotifyButton;
  }
}
