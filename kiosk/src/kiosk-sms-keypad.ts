import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import { requestSms, smsFailureText } from './sms-client.js';
import { groupedMobile, keypadEntry, mobileDigits } from './state/sms-phone.js';
import { smsKeypadExpired, smsKeypadWarning } from './state/kiosk-flow.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'delete', '0'] as const;

/**
 * The kiosk's "SMS ile haber ver": a touch keypad for a mobile number and the consent (KVKK),
 * over the ticket confirmation; sends with the ticket's code. Fires `sms-close` when the visitor
 * closes it or after the request is taken (`detail: true`). The number lives only here, while
 * typed, and is cleared when the keypad closes. Left untouched for `SMS_KEYPAD_IDLE_MS` (a
 * visitor who walked away), it says so in its last seconds, then forgets the number and the
 * consent and fires `sms-timeout`: the kiosk starts over.
 */
@customElement('kiosk-sms-keypad')
export class KioskSmsKeypad extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 10;
      display: grid;
      place-items: center;
      background: rgb(11 26 46 / 0.55);
      font-family: var(--kiosk-font);
      color: var(--kiosk-ink);
    }
    .panel {
      box-sizing: border-box;
      width: min(92vw, 100vmin);
      max-height: 96vh;
      overflow-y: auto;
      display: grid;
      gap: 1.2vmin;
      padding: var(--kiosk-pad);
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-surface);
      border: var(--kiosk-card-border, 0);
    }
    h2 {
      margin: 0;
      font-size: var(--kiosk-text-l);
    }
    .entry {
      min-height: 1.3em;
      margin: 0;
      padding: 1vmin 2vmin;
      border: 3px solid var(--kiosk-ink);
      border-radius: var(--kiosk-radius);
      font-size: var(--kiosk-text-xl);
      font-weight: 800;
      letter-spacing: 0.06em;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .hint {
      margin: 0;
      font-size: var(--kiosk-text-s);
      color: var(--kiosk-muted);
      text-align: center;
    }
    .keys {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 1.2vmin;
    }
    button {
      min-height: var(--kiosk-touch);
      border-radius: var(--kiosk-radius);
      font: inherit;
      font-size: var(--kiosk-text-l);
      font-weight: 800;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 4px;
    }
    .key {
      border: 2px solid var(--kiosk-ink);
      background: var(--kiosk-bg);
      color: var(--kiosk-ink);
    }
    .delete {
      font-size: var(--kiosk-text-m);
    }
    .consent {
      display: grid;
      grid-template-columns: max(40px, 5vmin) 1fr;
      gap: 2vmin;
      align-items: start;
      font-size: var(--kiosk-text-s);
      line-height: 1.35;
      font-weight: 700;
    }
    .consent input {
      width: max(40px, 5vmin);
      height: max(40px, 5vmin);
      margin: 0;
    }
    .kvkk {
      margin: 0;
      font-size: var(--kiosk-text-s);
      color: var(--kiosk-muted);
    }
    .problem {
      margin: 0;
      font-size: var(--kiosk-text-m);
      font-weight: 800;
      color: var(--kiosk-danger);
    }
    .closing {
      margin: 0;
      padding: 0.3vmin 2vmin;
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-danger);
      color: var(--kiosk-danger-ink);
      font-size: var(--kiosk-text-s);
      font-weight: 800;
      text-align: center;
    }
    .done {
      margin: 0;
      font-size: var(--kiosk-text-l);
      font-weight: 800;
      color: var(--kiosk-success);
      text-align: center;
    }
    .actions {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 1.6vmin;
    }
    .send {
      border: 0;
      background: var(--kiosk-success);
      color: var(--kiosk-success-ink);
    }
    .cancel {
      border: 2px solid var(--kiosk-ink);
      background: var(--kiosk-surface);
      color: var(--kiosk-ink);
      font-size: var(--kiosk-text-m);
    }
  `;

  @property() language: Lang = 'tr';
  /** The ticket's code: the request is made with it, as from the phone page. */
  @property() code = '';

  @state() private _digits = '';
  @state() private _consent = false;
  @state() private _busy = false;
  @state() private _problem: string | null = null;
  @state() private _done = false;
  /** The last tap or key press on the keypad (it covers the whole screen), and the clock now. */
  @state() private _lastTapAt = Date.now();
  @state() private _now = Date.now();
  private _tick: ReturnType<typeof setInterval> | undefined;
  private readonly _onTap = () => {
    this._lastTapAt = this._now = Date.now();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this._onTap();
    this.addEventListener('pointerdown', this._onTap);
    this.addEventListener('keydown', this._onTap);
    this._tick = setInterval(() => this._onTick(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this._onTap);
    this.removeEventListener('keydown', this._onTap);
    clearInterval(this._tick);
    this._forget();
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
  }

  /** The keypad's clock: the warning in its last seconds, and closing when left alone. */
  private _onTick(): void {
    this._now = Date.now();
    if (!smsKeypadExpired(this._lastTapAt, this._now)) return;
    clearInterval(this._tick);
    this._forget();
    this.dispatchEvent(new CustomEvent('sms-timeout', { bubbles: true, composed: true }));
  }

  /** The number, the consent and any message about them are gone. */
  private _forget(): void {
    this._digits = '';
    this._consent = false;
    this._problem = null;
  }

  private _renderClosing() {
    const seconds = smsKeypadWarning(this._lastTapAt, this._now);
    if (seconds === null) return null;
    return html`<p class="closing" role="timer" data-testid="sms-closing">
      ${t(this.language).sms.closesIn(seconds)}
    </p>`;
  }

  override render() {
    const text = t(this.language).sms;
    if (this._done)
      return html`<div
        class="panel"
        role="dialog"
        aria-modal="true"
        aria-label=${text.heading}
        tabindex="-1"
      >
        <p class="done" role="status" data-testid="sms-done">${text.done}</p>
        ${this._renderClosing()}
        <button type="button" class="send" @click=${() => this._close(true)}>
          ${t(this.language).ok}
        </button>
      </div>`;
    return html`<div
      class="panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sms-title"
      tabindex="-1"
    >
      <h2 id="sms-title">${text.keypadTitle}</h2>
      <p class="entry" data-testid="sms-entry" aria-live="polite">
        ${groupedMobile(this._digits) || '\u00a0'}
      </p>
      ${
        // In its last seconds the warning takes the example's place: the buttons stay on screen.
        this._renderClosing() ?? html`<p class="hint">${text.phoneHint}</p>`
      }
      <div class="keys" role="group" aria-label=${text.phone}>
        ${KEYS.map((k) =>
          k === 'delete'
            ? html`<button type="button" class="key delete" @click=${() => this._key(k)}>
                ${text.keypadDelete}
              </button>`
            : html`<button
                type="button"
                class="key"
                aria-label=${text.keypadDigit(k)}
                @click=${() => this._key(k)}
              >
                ${k}
              </button>`,
        )}
      </div>
      <label class="consent">
        <input
          type="checkbox"
          .checked=${this._consent}
          aria-describedby="sms-kvkk"
          @change=${this._onConsent}
        />
        <span>${text.consent}</span>
      </label>
      <p class="kvkk" id="sms-kvkk">${text.kvkk}</p>
      ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : null}
      <div class="actions">
        <button type="button" class="send" ?disabled=${this._busy} @click=${this._send}>
          ${this._busy ? text.sending : text.send}
        </button>
        <button type="button" class="cancel" @click=${() => this._close(false)}>
          ${text.cancel}
        </button>
      </div>
    </div>`;
  }

  private _onConsent(e: Event): void {
    this._consent = (e.target as HTMLInputElement).checked;
    this._problem = null;
  }

  private _key(key: string): void {
    this._digits = keypadEntry(this._digits, key);
    this._problem = null;
  }

  private async _send(): Promise<void> {
    const text = t(this.language).sms;
    if (mobileDigits(this._digits) === null) return void (this._problem = text.badPhone);
    if (!this._consent) return void (this._problem = text.needConsent);
    this._busy = true;
    const res = await requestSms(this.code, this._digits);
    this._busy = false;
    if (!res.ok) return void (this._problem = smsFailureText(res.code, res.field, this.language));
    this._digits = '';
    this._done = true;
  }

  private _close(requested: boolean): void {
    clearInterval(this._tick);
    this._forget();
    this.dispatchEvent(
      new CustomEvent('sms-close', { detail: requested, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-sms-keypad': KioskSmsKeypad;
  }
}
