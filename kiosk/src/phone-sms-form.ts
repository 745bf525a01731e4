import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { TicketStatusView } from '../../contract/api.js';
import { t } from './i18n.js';
import { requestSms, smsFailureText, withdrawSms } from './sms-client.js';
import { mobileDigits } from './state/sms-phone.js';

/**
 * "Sıranız yaklaşınca SMS ile haber verelim" on the phone page: while the ticket waits and the
 * hall offers it, the visitor gives a mobile number and ticks the consent (KVKK: the number is
 * for this one message and erased at the end of the day), and may withdraw it. The server's
 * status says whether a request stands, never the number; the form keeps the number only while
 * it is being typed.
 */
@customElement('phone-sms-form')
export class PhoneSmsForm extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .box {
      padding: 16px;
      border: 2px solid var(--phone-accent, #0b4f8a);
      border-radius: 12px;
      background: #ffffff;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.15rem;
    }
    p {
      margin: 0 0 12px;
      font-size: 1.05rem;
      line-height: 1.4;
    }
    label {
      display: block;
      font-weight: 700;
    }
    input[type='tel'] {
      box-sizing: border-box;
      width: 100%;
      min-height: 52px;
      margin: 6px 0 4px;
      padding: 0 12px;
      border: 2px solid var(--phone-ink, #0b1a2e);
      border-radius: 10px;
      font: inherit;
      font-size: 1.2rem;
    }
    .hint {
      margin: 0 0 12px;
      font-size: 0.95rem;
      color: var(--phone-muted, #36465a);
    }
    .consent {
      display: grid;
      grid-template-columns: 32px 1fr;
      gap: 10px;
      align-items: start;
      margin: 0 0 8px;
      font-weight: 400;
      line-height: 1.4;
    }
    .consent input {
      width: 28px;
      height: 28px;
      margin: 0;
    }
    .kvkk {
      font-size: 0.95rem;
      color: var(--phone-muted, #36465a);
    }
    .problem {
      color: var(--phone-danger, #a3001b);
      font-weight: 700;
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
    button:focus-visible,
    input:focus-visible {
      outline: 4px solid var(--phone-focus, #ffb000);
      outline-offset: 2px;
    }
    .primary {
      border: 0;
      background: var(--phone-accent, #0b4f8a);
      color: #ffffff;
    }
    .secondary {
      border: 2px solid var(--phone-accent, #0b4f8a);
      background: #ffffff;
      color: var(--phone-accent, #0b4f8a);
    }
    .open {
      width: 100%;
    }
  `;

  @property() language: Lang = 'tr';
  /** The ticket's code (the phone page's own). */
  @property() code = '';
  /** The ticket's status: whether the hall offers it, whether one is asked for or sent. */
  @property({ attribute: false }) status: TicketStatusView | null = null;

  @state() private _open = false;
  @state() private _phone = '';
  @state() private _consent = false;
  @state() private _busy = false;
  @state() private _problem: string | null = null;
  @state() private _field: 'phone' | 'consent' | null = null;
  @state() private _withdrawn = false;

  override render() {
    const s = this.status;
    if (!s) return null;
    const text = t(this.language).sms;
    if (s.smsSent)
      return html`<p class="box" role="status" data-testid="sms-sent">${text.sent}</p>`;
    if (s.status !== 'waiting') return null;
    if (s.smsRequested)
      return html`<div class="box" data-testid="sms-requested">
        <p role="status">${text.requested}</p>
        ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : null}
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${this._busy} @click=${this._withdraw}>
            ${text.withdraw}
          </button>
        </div>
      </div>`;
    if (!s.smsOffered) return null;
    if (!this._open)
      return html`${this._withdrawn ? html`<p role="status">${text.withdrawn}</p>` : null}
        <button
          type="button"
          class="secondary open"
          aria-expanded="false"
          @click=${() => (this._open = true)}
        >
          ${text.offer}
        </button>`;
    const phoneProblem = this._field === 'phone' ? this._problem : null;
    const consentProblem = this._field === 'consent' ? this._problem : null;
    return html`<form class="box" novalidate @submit=${this._send} aria-labelledby="sms-heading">
      <h2 id="sms-heading">${text.offer}</h2>
      <label for="sms-phone">${text.phone}</label>
      <input
        id="sms-phone"
        type="tel"
        inputmode="tel"
        autocomplete="tel-national"
        .value=${this._phone}
        aria-invalid=${phoneProblem ? 'true' : 'false'}
        aria-describedby=${phoneProblem ? 'sms-phone-hint sms-phone-problem' : 'sms-phone-hint'}
        @input=${(e: Event) => (this._phone = (e.target as HTMLInputElement).value)}
      />
      <p class="hint" id="sms-phone-hint">${text.phoneHint}</p>
      ${phoneProblem ? html`<p class="problem" id="sms-phone-problem">${phoneProblem}</p>` : null}
      <label class="consent">
        <input
          type="checkbox"
          .checked=${this._consent}
          aria-invalid=${consentProblem ? 'true' : 'false'}
          aria-describedby="sms-kvkk"
          @change=${this._onConsent}
        />
        <span>${text.consent}</span>
      </label>
      <p class="kvkk" id="sms-kvkk">${text.kvkk}</p>
      ${consentProblem ? html`<p class="problem">${consentProblem}</p>` : null}
      ${this._problem && this._field === null ? html`<p class="problem" role="alert">${this._problem}</p>` : null}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this._busy}>
          ${this._busy ? text.sending : text.send}
        </button>
        <button type="button" class="secondary" @click=${this._close}>${text.cancel}</button>
      </div>
    </form>`;
  }

  private _onConsent(e: Event): void {
    this._consent = (e.target as HTMLInputElement).checked;
    if (this._field === 'consent') {
      this._problem = null;
      this._field = null;
    }
  }

  private _close(): void {
    this._open = false;
    this._phone = '';
    this._consent = false;
    this._problem = null;
    this._field = null;
  }

  private async _send(e: Event): Promise<void> {
    e.preventDefault();
    const text = t(this.language).sms;
    if (mobileDigits(this._phone) === null) return this._refuse(text.badPhone, 'phone');
    if (!this._consent) return this._refuse(text.needConsent, 'consent');
    this._busy = true;
    const res = await requestSms(this.code, this._phone);
    this._busy = false;
    if (!res.ok) {
      const field = res.field === 'phone' || res.field === 'consent' ? res.field : null;
      return this._refuse(smsFailureText(res.code, res.field, this.language), field);
    }
    this._close();
    this._withdrawn = false;
    this._changed(res.status);
  }

  private async _withdraw(): Promise<void> {
    this._busy = true;
    this._problem = null;
    const res = await withdrawSms(this.code);
    this._busy = false;
    if (!res.ok) return this._refuse(smsFailureText(res.code, res.field, this.language), null);
    this._withdrawn = true;
    this._changed(res.status);
  }

  private _refuse(problem: string, field: 'phone' | 'consent' | null): void {
    this._problem = problem;
    this._field = field;
    if (field === 'phone') this.renderRoot.querySelector<HTMLInputElement>('#sms-phone')?.focus();
  }

  /** The status the server answered with (the live feed brings it too, a moment later). */
  private _changed(status: TicketStatusView): void {
    this.dispatchEvent(
      new CustomEvent('sms-status', { detail: status, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-sms-form': PhoneSmsForm;
  }
}
