import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { PauseRequest } from '../../contract/api.js';
import type { Lang, PauseReason } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { panelStyles } from './panel-styles.js';
import { sharedStyles } from './shared-styles.js';

const REASONS: PauseReason[] = ['break', 'paperwork', 'system'];

/** Pausing the counter: one button per reason. */
@customElement('counter-pause-panel')
export class CounterPausePanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];

  @query('button') private _first!: HTMLButtonElement;

  /** The interface language. */
  @property() language: Lang = 'tr';

  override firstUpdated(): void {
    this._first.focus();
  }

  override render() {
    const m = messages(this.language);
    return html`<form @submit=${(e: Event) => e.preventDefault()} aria-labelledby="pause-heading">
      <h3 id="pause-heading">${m.pause}</h3>
      <fieldset>
        <legend>${m.pauseReason}</legend>
        ${REASONS.map(
          (reason) =>
            html`<button type="button" @click=${() => this._pick(reason)}>
              ${m.pauseReasons[reason]}
            </button>`,
        )}
        <button type="button" @click=${this._cancel}>
          <span>${m.cancel}</span><kbd aria-hidden="true">Esc</kbd>
        </button>
      </fieldset>
    </form>`;
  }

  private _pick(reason: PauseReason): void {
    const detail: PauseRequest = { reason };
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
    'counter-pause-panel': CounterPausePanel;
  }
}
