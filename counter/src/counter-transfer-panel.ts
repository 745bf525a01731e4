import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { TransferRequest } from '../../contract/api.js';
import type { Lang, Service } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { panelStyles } from './panel-styles.js';
import { sharedStyles } from './shared-styles.js';

/** Sending the visitor to another service, at the front or back of its line. */
@customElement('counter-transfer-panel')
export class CounterTransferPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];

  @query('select') private _select!: HTMLSelectElement;
  @state() private _position: TransferRequest['position'] = 'front';

  /** The services the visitor can be sent to (the current one left out). */
  @property({ attribute: false }) services: Service[] = [];
  /** The interface language. */
  @property() language: Lang = 'tr';

  override firstUpdated(): void {
    this._select.focus();
  }

  override render() {
    const m = messages(this.language);
    const radio = (value: TransferRequest['position'], label: string) =>
      html`<label class="option"
        ><input
          type="radio"
          name="position"
          value=${value}
          .checked=${this._position === value}
          @change=${() => (this._position = value)}
        />
        ${label}</label
      >`;
    return html`<form @submit=${this._submit} aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">${m.transfer}</h3>
      <label class="field" for="service"
        >${m.transferTo}
        <select id="service" name="service" @keydown=${this._onSelectKey}>
          ${this.services.map((s) => html`<option value=${s.id}>${s.name[this.language]}</option>`)}
        </select></label
      >
      <fieldset>
        <legend>${m.position}</legend>
        ${radio('front', m.front)} ${radio('back', m.back)}
      </fieldset>
      <div class="buttons">
        <button class="primary" type="submit">
          <span>${m.transfer}</span><kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" @click=${this._cancel}>
          <span>${m.cancel}</span><kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>`;
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const detail: TransferRequest = { serviceId: this._select.value, position: this._position };
    this.dispatchEvent(
      new CustomEvent('counter-submit', { detail, bubbles: true, composed: true }),
    );
  }

  /** A select does not submit its form on Enter by itself; the hint promises it does. */
  private _onSelectKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent('counter-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-transfer-panel': CounterTransferPanel;
  }
}
