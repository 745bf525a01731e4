import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import type { ConfirmationModel } from './state/confirmation.js';
import '../../ui/qr-code.js';
import './kiosk-sms-keypad.js';

/** The issued ticket: number, service, people ahead, estimate, QR. Fires `ok` on "Tamam". */
@customElement('kiosk-confirmation')
export class KioskConfirmation extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: var(--kiosk-gap);
      height: 100%;
      grid-template-areas: 'ticket' 'qr' 'footer';
      grid-template-rows: auto auto 1fr;
    }
    .ticket,
    .qr {
      background: var(--kiosk-surface);
      border-radius: var(--kiosk-radius);
      padding: var(--kiosk-pad);
      box-shadow: 0 0.4vmin 1.6vmin rgb(11 26 46 / 0.15);
      border: var(--kiosk-card-border, 0);
    }
    .ticket {
      grid-area: ticket;
      text-align: center;
    }
    .label {
      margin: 0;
      font-size: var(--kiosk-text-l);
      color: var(--kiosk-muted);
      font-weight: 700;
    }
    .number {
      margin: 0;
      font-size: max(88px, min(24vmin, 10vh));
      line-height: 1.12;
      font-weight: 900;
      letter-spacing: 0.02em;
      color: var(--kiosk-service);
    }
    .service {
      margin: 1vmin 0 0;
      font-size: var(--kiosk-text-xl);
      font-weight: 800;
    }
    .priority {
      display: inline-block;
      align-self: center;
      margin-top: 1.4vmin;
      padding: 0.6vmin 2vmin;
      border-radius: 999px;
      background: var(--kiosk-priority);
      color: var(--kiosk-priority-ink);
      font-size: var(--kiosk-text-m);
      font-weight: 700;
    }
    dl {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: var(--kiosk-gap);
      margin: 3vmin 0 0;
    }
    dl div {
      background: var(--kiosk-bg);
      border-radius: var(--kiosk-radius);
      padding: 2vmin;
    }
    dt {
      font-size: var(--kiosk-text-s);
      color: var(--kiosk-muted);
      font-weight: 700;
    }
    dd {
      margin: 0.6vmin 0 0;
      font-size: var(--kiosk-text-l);
      font-weight: 800;
    }
    .call-method {
      margin: 2vmin 0 0;
      font-size: var(--kiosk-text-m);
      font-weight: 800;
    }
    .qr {
      grid-area: qr;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: var(--kiosk-pad);
      --qr-size: max(150px, min(34vmin, 14vh));
    }
    .qr p {
      margin: 0;
      max-width: 22em;
      font-size: var(--kiosk-text-m);
      font-weight: 700;
    }
    footer {
      grid-area: footer;
      display: flex;
      flex-direction: column;
      justify-content: center;
      align-items: center;
      gap: 1.4vmin;
      text-align: center;
    }
    .print {
      margin: 0;
      font-size: var(--kiosk-text-m);
      font-weight: 700;
    }
    .returning {
      margin: 0;
      font-size: var(--kiosk-text-m);
      font-weight: 700;
      color: var(--kiosk-muted);
    }
    /* The time left, as a bar that empties: seen at a glance, read by nobody. */
    .countdown {
      width: min(100%, 60vmin);
      height: max(8px, 1.2vmin);
      border-radius: 999px;
      background: #c9d1db;
      overflow: hidden;
    }
    .countdown span {
      display: block;
      height: 100%;
      background: var(--kiosk-success);
      transition: width 0.25s linear;
    }
    button {
      min-height: var(--kiosk-touch);
      min-width: 40vmin;
      padding: 0 var(--kiosk-pad);
      border: 0;
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-success);
      color: var(--kiosk-success-ink);
      font: inherit;
      font-size: var(--kiosk-text-l);
      font-weight: 800;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 4px;
    }
    /* "SMS ile haber ver": optional, so it stands back from "Tamam". */
    button.sms {
      min-height: max(56px, 7vmin);
      border: 3px solid var(--kiosk-service);
      background: var(--kiosk-surface);
      color: var(--kiosk-service);
      font-size: var(--kiosk-text-m);
    }
    .sms-taken {
      margin: 0;
      font-size: var(--kiosk-text-s);
      font-weight: 700;
      color: var(--kiosk-success);
    }
    /* Large text on a portrait panel: the words grow, so the number and QR give up some room. */
    @media (orientation: portrait) {
      :host-context([large]) .number {
        font-size: max(96px, min(20vmin, 10vh));
      }
      :host-context([large]) .qr {
        --qr-size: max(140px, min(24vmin, 13vh));
      }
    }
    :host-context([large]) .service {
      font-size: var(--kiosk-text-l);
    }
    /*
     * Large text: the buttons and lines below always keep their room; the ticket card takes what
     * is left and, with a very long service name, scrolls rather than push "Tamam" off screen.
     */
    :host-context([large]) {
      grid-template-rows: minmax(0, auto) auto 1fr;
    }
    :host-context([large]) .ticket {
      min-height: 0;
      overflow-y: auto;
    }
    @media (orientation: landscape) {
      /*
       * Large text on a landscape panel (1280×1024): the code alone stands for the QR caption,
       * the number gives up a little, and the ticket card scrolls rather than cut a line.
       */
      :host-context([large]) .number {
        font-size: max(88px, min(13vmin, 12vw));
      }
      :host-context([large]) .qr {
        --qr-size: max(140px, min(20vmin, 15vh));
      }
      :host-context([large]) .qr p {
        display: none;
      }
      :host-context([large]) {
        grid-template-rows: minmax(0, 1fr) auto;
      }
      :host-context([large]) .ticket {
        justify-content: safe center;
      }
      :host {
        grid-template-areas: 'ticket qr' 'ticket footer';
        grid-template-columns: 3fr 2fr;
        grid-template-rows: 1fr auto;
      }
      .ticket {
        display: flex;
        flex-direction: column;
        justify-content: center;
      }
      .number {
        font-size: max(88px, min(18vmin, 16vw));
      }
      .qr {
        flex-direction: column;
        text-align: center;
        --qr-size: max(160px, min(32vmin, 24vh));
      }
    }
  `;

  /** What to show, from `confirmationModel()`. */
  @property({ attribute: false }) model: ConfirmationModel | null = null;
  @property() language: Lang = 'tr';
  /** The ticket's code when the hall offers an SMS when the turn nears; null: no SMS button. */
  @property() smsCode: string | null = null;
  /** The SMS keypad is open (the app holds its return timer), or the request was taken. */
  @state() private _sms: 'closed' | 'open' | 'taken' = 'closed';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('smsCode')) this._sms = 'closed';
  }

  override render() {
    const m = this.model;
    if (!m) return null;
    const text = t(this.language);
    return html`
      <section class="ticket" aria-live="polite" tabindex="0" aria-label=${text.yourNumber}>
        <p class="label">${text.yourNumber}</p>
        <p class="number" data-testid="ticket-number">${m.number}</p>
        <p class="service">${m.service}</p>
        ${m.priority ? html`<span class="priority">${m.priority}</span>` : null}
        <dl>
          <div>
            <dt>${text.placeLabel}</dt>
            <dd>${m.ahead}</dd>
          </div>
          <div>
            <dt>${text.estimatedWait}</dt>
            <dd>${m.wait}</dd>
          </div>
        </dl>
        <p class="call-method" data-testid="call-method">${m.callMethod}</p>
      </section>
      <section class="qr">
        <qr-code .text=${m.qrText} .alt=${m.qrAlt}></qr-code>
        <p>${text.scanQr}</p>
      </section>
      <footer>
        <p class="print" role="status">${m.printLine}</p>
        <button type="button" @click=${this._ok}>${text.ok}</button>
        ${
          this.smsCode && this._sms === 'closed'
            ? html`<button type="button" class="sms" @click=${() => this._smsKeypad(true)}>
                ${text.sms.kioskButton}
              </button>`
            : null
        }
        ${this._sms === 'taken' ? html`<p class="sms-taken" role="status">${text.sms.requested}</p>` : null}
        <div class="countdown" aria-hidden="true">
          <span style="width: ${(m.remaining * 100).toFixed(1)}%"></span>
        </div>
        <p class="returning" data-testid="returning">${m.returning}</p>
      </footer>
      ${
        this.smsCode && this._sms === 'open'
          ? html`<kiosk-sms-keypad
              .language=${this.language}
              .code=${this.smsCode}
              @sms-close=${(e: CustomEvent<boolean>) => this._smsKeypad(false, e.detail)}
            ></kiosk-sms-keypad>`
          : null
      }
    `;
  }

  /** Opens or closes the keypad; the app pauses the confirmation's return timer meanwhile. */
  private _smsKeypad(open: boolean, taken = false): void {
    this._sms = open ? 'open' : taken ? 'taken' : 'closed';
    this.dispatchEvent(
      new CustomEvent('sms-keypad', { detail: open, bubbles: true, composed: true }),
    );
  }

  private _ok(): void {
    this.dispatchEvent(new CustomEvent('ok', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-confirmation': KioskConfirmation;
  }
}
