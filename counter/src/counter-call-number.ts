import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { formatDuration } from './state/timer.js';
import { callSuggestions, type WaitingEntry } from './state/waiting-line.js';
import './counter-priority-badge.js';

/**
 * A small form to call one ticket by its number; fires `counter-call` with the number. While
 * the field has the focus, the waiting numbers that match what is typed are listed below it
 * (with their priority group), and a click calls one.
 */
@customElement('counter-call-number')
export class CounterCallNumber extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      form {
        display: flex;
        align-items: end;
        gap: 8px;
      }
      label {
        display: grid;
        gap: 4px;
        font-size: 0.9rem;
      }
      input {
        width: 8.5rem;
        text-transform: uppercase;
        font-variant-numeric: tabular-nums;
      }
      .picks {
        position: absolute;
        z-index: 2;
        top: 100%;
        left: 0;
        right: 0;
        margin: 4px 0 0;
        padding: 6px;
        max-height: 42vh;
        overflow-y: auto;
        background: var(--counter-surface);
        border: 1px solid var(--counter-muted);
        border-radius: 8px;
        box-shadow: 0 6px 18px rgb(0 0 0 / 18%);
      }
      .picks h3 {
        margin: 0 0 4px;
        font-size: 0.85rem;
        color: var(--counter-muted);
      }
      .picks ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 4px;
      }
      .picks button {
        width: 100%;
        min-height: 40px;
        justify-content: start;
      }
      .picks .num {
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        min-width: 3.6rem;
        text-align: left;
      }
      .picks .waited {
        margin-left: auto;
        font-weight: 500;
        font-variant-numeric: tabular-nums;
      }
      .picks p {
        margin: 0;
        color: var(--counter-muted);
      }
    `,
  ];

  @query('input') private _input!: HTMLInputElement;
  @state() private _typed = '';
  @state() private _open = false;

  /** Calling is not possible right now. */
  @property({ type: Boolean }) disabled = false;
  /** The visitors waiting for this counter's services, in line order. */
  @property({ attribute: false }) waiting: WaitingEntry[] = [];
  /** An example number from this counter's own services. */
  @property() placeholder = '';
  /** The interface language. */
  @property() language: Lang = 'tr';

  /** Puts the cursor in the number field. */
  override focus(): void {
    this._input?.focus();
  }

  /** Empties the field and leaves it (after a successful call, or on Escape). */
  clear(): void {
    if (!this._input) return;
    this._input.value = '';
    this._typed = '';
    this._open = false;
    this._input.blur();
  }

  /** Whether the number field has the keyboard focus. */
  get typing(): boolean {
    return this.shadowRoot?.activeElement === this._input;
  }

  override render() {
    const m = messages(this.language);
    return html`<form
        @submit=${this._submit}
        @focusin=${this._onFocusIn}
        @focusout=${this._onFocusOut}
      >
        <label for="number"
          >${m.ticketNumber}
          <input
            id="number"
            name="number"
            autocomplete="off"
            spellcheck="false"
            maxlength="7"
            placeholder=${this.placeholder || nothing}
            aria-controls=${this._open ? 'picks' : nothing}
            ?disabled=${this.disabled}
            @input=${(e: Event) => (this._typed = (e.target as HTMLInputElement).value)}
        /></label>
        <button type="submit" ?disabled=${this.disabled} aria-keyshortcuts="C">
          <span>${m.callNumber}</span><kbd title=${m.keyHint('C')} aria-hidden="true">C</kbd>
        </button>
      </form>
      ${this._open && !this.disabled ? this._renderPicks() : null}`;
  }

  private _renderPicks() {
    const m = messages(this.language);
    const picks = callSuggestions(this.waiting, this._typed);
    if (picks.length === 0 && this._typed.trim() === '') return null;
    return html`<div
      class="picks"
      id="picks"
      data-testid="call-list"
      @focusin=${this._onFocusIn}
      @focusout=${this._onFocusOut}
    >
      <h3 id="picks-heading">${m.callListLabel}</h3>
      ${
        picks.length === 0
          ? html`<p>${m.noMatch}</p>`
          : html`<ul aria-labelledby="picks-heading">
              ${picks.map(
                ({ ticket, waitedMs }) =>
                  html`<li>
                    <button
                      type="button"
                      data-number=${ticket.number}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => this._call(ticket.number)}
                    >
                      <span class="num">${ticket.number}</span
                      ><span class="visually-hidden">${m.callAction}, </span>
                      <counter-priority-badge
                        .group=${ticket.priority}
                        .language=${this.language}
                      ></counter-priority-badge>
                      <span class="waited">${formatDuration(waitedMs)}</span>
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </div>`;
  }

  private _onFocusIn = (): void => {
    this._open = true;
  };

  private _onFocusOut = (e: FocusEvent): void => {
    // Moving between the field and its list keeps the list open.
    const next = e.relatedTarget as Node | null;
    if (next && this.shadowRoot?.contains(next)) return;
    this._open = false;
  };

  private _submit(e: Event): void {
    e.preventDefault();
    const number = this._input.value.trim().toLocaleUpperCase('tr-TR');
    if (!number) {
      this._input.focus();
      return;
    }
    this._call(number);
  }

  private _call(number: string): void {
    this.dispatchEvent(
      new CustomEvent('counter-call', { detail: number, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-call-number': CounterCallNumber;
  }
}
