import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { IssuedTicket } from '../../contract/api.js';
import { CheckInClient } from './kiosk-check-in-client.js';
import {
  CODE_LENGTH,
  EMPTY_ENTRY,
  checkInProblem,
  codeSlots,
  eraseDigit,
  keyInput,
  pressDigit,
  problemText,
  type CheckInProblem,
  type CodeEntry,
} from './kiosk-check-in-model.js';
import { checkInText } from './kiosk-check-in-text.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * "Randevum var": a large keypad for the 10-digit check-in code (a keyboard-wedge QR scanner
 * types into it too), then `POST check-in`. Fires `checked-in` with the ticket, `walk-in` with
 * the service (or null) when the visitor takes a normal ticket instead, and `back`.
 */
@customElement('kiosk-check-in')
export class KioskCheckIn extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: var(--kiosk-gap);
      height: 100%;
      min-height: 0;
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
    }
    @media (orientation: landscape) {
      :host {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        grid-template-rows: minmax(0, 1fr);
      }
    }
    .side {
      display: flex;
      flex-direction: column;
      gap: var(--kiosk-gap);
      min-height: 0;
      overflow-y: auto;
    }
    h1 {
      margin: 0;
      font-size: var(--kiosk-text-xl);
      line-height: 1.1;
    }
    h1:focus {
      outline: none;
    }
    p {
      margin: 0;
      font-size: var(--kiosk-text-m);
      color: var(--kiosk-muted);
    }
    .code {
      margin: 0;
      padding: 2vmin var(--kiosk-pad);
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-surface);
      border: 3px solid var(--kiosk-ink);
      color: var(--kiosk-ink);
      font-size: max(44px, 7vmin);
      font-weight: 900;
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.06em;
      white-space: nowrap;
      text-align: center;
    }
    .problem {
      padding: var(--kiosk-pad);
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-surface);
      border: 4px solid var(--kiosk-danger);
    }
    .problem h2 {
      margin: 0 0 1.4vmin;
      font-size: var(--kiosk-text-l);
      color: var(--kiosk-ink);
    }
    .problem p {
      color: var(--kiosk-ink);
      font-weight: 700;
    }
    /* Large text on a short panel: the code and the answer keep the room, the hint goes. */
    :host-context([large]) .hint {
      display: none;
    }
    :host-context([large]) h1 {
      font-size: var(--kiosk-text-l);
    }
    .checking {
      font-weight: 800;
      color: var(--kiosk-ink);
    }
    .keypad {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      grid-auto-rows: minmax(var(--kiosk-touch), 1fr);
      gap: var(--kiosk-gap);
      min-height: 0;
    }
    button {
      font: inherit;
      border: 0;
      border-radius: var(--kiosk-radius);
      cursor: pointer;
      touch-action: manipulation;
      min-height: var(--kiosk-touch);
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 4px;
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    .digit {
      background: var(--kiosk-service);
      color: var(--kiosk-service-ink);
      font-size: max(40px, 6vmin);
      font-weight: 800;
      box-shadow: 0 0.6vmin 0 var(--kiosk-service-active);
    }
    .digit:active {
      background: var(--kiosk-service-active);
    }
    .erase {
      background: var(--kiosk-surface);
      color: var(--kiosk-ink);
      border: 3px solid var(--kiosk-ink);
      font-size: var(--kiosk-text-m);
      font-weight: 800;
    }
    .submit {
      background: var(--kiosk-success);
      color: var(--kiosk-success-ink);
      font-size: var(--kiosk-text-m);
      font-weight: 800;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--kiosk-gap);
    }
    .secondary {
      padding: 0 var(--kiosk-pad);
      background: var(--kiosk-surface);
      color: var(--kiosk-ink);
      border: 3px solid var(--kiosk-ink);
      font-size: var(--kiosk-text-m);
      font-weight: 700;
    }
    .primary {
      padding: 0 var(--kiosk-pad);
      background: var(--kiosk-service);
      color: var(--kiosk-service-ink);
      font-size: var(--kiosk-text-m);
      font-weight: 800;
    }
  `;

  @property() language: Lang = 'tr';

  @state() private _entry: CodeEntry = EMPTY_ENTRY;
  @state() private _checking = false;
  @state() private _problem: CheckInProblem | null = null;

  private readonly _client = new CheckInClient();
  private readonly _onKey = (e: KeyboardEvent) => this._key(e);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('h1')?.focus();
  }

  override render() {
    const text = checkInText(this.language);
    const digits = this._entry.digits;
    const complete = digits.length === CODE_LENGTH;
    const problem = this._problem ? problemText(this._problem, this.language) : null;
    return html`
      <div class="side">
        <h1 tabindex="-1">${text.title}</h1>
        <div role="alert">
          ${
            problem
              ? html`<div class="problem" data-testid="check-in-problem">
                  <h2>${problem.title}</h2>
                  <p>${problem.body}</p>
                </div>`
              : null
          }
        </div>
        ${problem ? null : html`<p class="hint">${text.hint}</p>`}
        <p class="code" data-testid="check-in-code" aria-label=${text.codeLabel}>
          ${codeSlots(digits)}
        </p>
        <div role="status" aria-live="polite">
          ${this._checking ? html`<p class="checking">${text.checking}</p>` : null}
        </div>
        <div class="actions">
          ${
            this._problem?.kind === 'too-late' || this._problem?.kind === 'cancelled'
              ? html`<button type="button" class="primary" @click=${this._walkIn}>
                  ${text.walkIn}
                </button>`
              : null
          }
          <button type="button" class="secondary" @click=${this._back}>← ${text.back}</button>
        </div>
      </div>
      <div class="keypad" role="group" aria-label=${text.keypad}>
        ${KEYS.map((k) => this._digitButton(k, complete))}
        <button
          type="button"
          class="erase"
          aria-label=${text.eraseLabel}
          ?disabled=${this._checking || digits.length === 0}
          @click=${() => this._set(eraseDigit(this._entry))}
        >
          ⌫ ${text.erase}
        </button>
        ${this._digitButton('0', complete)}
        <button
          type="button"
          class="submit"
          data-testid="check-in-submit"
          ?disabled=${this._checking || !complete}
          @click=${() => void this._submit(digits)}
        >
          ${text.submit}
        </button>
      </div>
    `;
  }

  private _digitButton(digit: string, complete: boolean) {
    return html`<button
      type="button"
      class="digit"
      data-digit=${digit}
      ?disabled=${this._checking || (complete && this._problem === null)}
      @click=${() => this._set(pressDigit(this._restart(), digit))}
    >
      ${digit}
    </button>`;
  }

  /** After an answer about a whole code, the next digit starts a new code. */
  private _restart(): CodeEntry {
    return this._problem !== null && this._entry.digits.length === CODE_LENGTH
      ? EMPTY_ENTRY
      : this._entry;
  }

  private _set(entry: CodeEntry): void {
    if (this._checking) return;
    this._entry = entry;
    this._problem = null;
  }

  private _key(e: KeyboardEvent): void {
    if (this._checking || e.ctrlKey || e.altKey || e.metaKey) return;
    // Enter on a focused button is that button's own click, not the scanner's Enter.
    const onButton = e.composedPath()[0] instanceof HTMLButtonElement;
    if (e.key === 'Enter' && onButton && this._entry.burst.length === 0) return;
    const base = /^\d$/.test(e.key)
      ? { ...this._restart(), lastKeyAt: this._entry.lastKeyAt, burst: this._entry.burst }
      : this._entry;
    const { entry, submit } = keyInput(base, e.key, e.timeStamp || Date.now());
    if (entry !== this._entry && /^\d$/.test(e.key)) this._problem = null;
    this._entry = entry;
    if (submit) {
      e.preventDefault();
      void this._submit(submit);
    }
  }

  private async _submit(code: string): Promise<void> {
    if (this._checking || code.length !== CODE_LENGTH) return;
    this._checking = true;
    this._problem = null;
    const res = await this._client.checkIn(code, this.language);
    this._checking = false;
    if (res.ok) {
      this._entry = EMPTY_ENTRY;
      this._emit('checked-in', res.ticket);
      return;
    }
    this._problem = checkInProblem(res.code, res.details);
    // A wrong code is typed again; any other answer keeps it on screen with the explanation.
    if (this._problem.kind === 'not-found') this._entry = EMPTY_ENTRY;
  }

  private _walkIn(): void {
    const serviceId = this._problem?.kind === 'too-late' ? this._problem.serviceId : null;
    this._emit('walk-in', serviceId);
  }

  private _back(): void {
    this._emit('back', null);
  }

  private _emit(name: 'checked-in' | 'walk-in' | 'back', detail: IssuedTicket | string | null) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-check-in': KioskCheckIn;
  }
}
