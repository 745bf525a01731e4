import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CompleteRequest } from '../../contract/api.js';
import type { Lang, Outcome } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { panelStyles } from './panel-styles.js';

/** Finishing a visit: outcome, an optional note; fires `counter-submit` or `counter-cancel`. */
@customElement('counter-complete-panel')
export class CounterCompletePanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];

  @query('#note') private _note!: HTMLInputElement;
  @state() private _picked: Outcome | null = null;

  /** The outcome chosen when the form opened (D: resolved, F: forwarded). */
  @property() outcome: Outcome = 'resolved';
  /** The interface language. */
  @property() language: Lang = 'tr';

  override firstUpdated(): void {
    this._note.focus();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // A new D/F press while the form is open picks that outcome again.
    if (changed.has('outcome')) this._picked = null;
  }

  override render() {
    const m = messages(this.language);
    const chosen = this._picked ?? this.outcome;
    const radio = (value: Outcome, label: string, key: string) =>
      html`<label class="option"
        ><input
          type="radio"
          name="outcome"
          value=${value}
          .checked=${chosen === value}
          @change=${() => (this._picked = value)}
        />
        ${label} <kbd aria-hidden="true">${key}</kbd></label
      >`;
    return html`<form @submit=${this._submit} aria-labelledby="complete-heading">
      <h3 id="complete-heading">${m.complete}</h3>
      <fieldset>
        <legend>${m.outcome}</legend>
        ${radio('resolved', m.resolved, 'D')} ${radio('forwarded', m.forwarded, 'F')}
      </fieldset>
      <label class="field" for="note"
        >${m.note} <input id="note" name="note" maxlength="500" autocomplete="off"
      /></label>
      <div class="buttons">
        <button class="primary" type="submit">
          <span>${m.complete}: ${chosen === 'resolved' ? m.resolved : m.forwarded}</span
          ><kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" @click=${this._cancel}>
          <span>${m.cancel}</span><kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>`;
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const note = this._note.value.trim();
    const detail: CompleteRequest = { outcome: this._picked ?? this.outcome };
    if (note) detail.note = note;
    this.dispatchEvent(
      new CustomEvent('counter-submit', { detail, bubbles: true, composed: true }),
    );
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent('counter-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-complete-panel': CounterCompletePanel;
  }
}
