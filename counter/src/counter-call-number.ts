import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

/** A small form to call one ticket by its number; fires `counter-call` with the number. */
@customElement('counter-call-number')
export class CounterCallNumber extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
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
    `,
  ];

  @query('input') private _input!: HTMLInputElement;

  /** Calling is not possible right now. */
  @property({ type: Boolean }) disabled = false;
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
    this._input.blur();
  }

  /** Whether the number field has the keyboard focus. */
  get typing(): boolean {
    return this.shadowRoot?.activeElement === this._input;
  }

  override render() {
    const m = messages(this.language);
    return html`<form @submit=${this._submit}>
      <label for="number"
        >${m.ticketNumber}
        <input
          id="number"
          name="number"
          autocomplete="off"
          spellcheck="false"
          maxlength="7"
          placeholder="V012"
          ?disabled=${this.disabled}
      /></label>
      <button type="submit" ?disabled=${this.disabled} aria-keyshortcuts="C">
        <span>${m.callNumber}</span><kbd aria-hidden="true">C</kbd>
      </button>
    </form>`;
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const number = this._input.value.trim().toLocaleUpperCase('tr-TR');
    if (!number) {
      this._input.focus();
      return;
    }
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
