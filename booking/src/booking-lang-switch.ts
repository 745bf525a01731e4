import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { LANGS, t } from './i18n.js';

/** Türkçe / English, each name in its own language. Fires `lang-change`. */
@customElement('booking-lang-switch')
export class BookingLangSwitch extends LitElement {
  static override styles = css`
    div {
      display: flex;
      gap: 6px;
    }
    button {
      min-width: 44px;
      min-height: 44px;
      padding: 0 12px;
      border: 2px solid #0b1a2e;
      border-radius: 999px;
      background: transparent;
      color: #0b1a2e;
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #0b1a2e;
      color: #ffffff;
    }
    button:focus-visible {
      outline: 3px solid #ffb000;
      outline-offset: 2px;
    }
  `;

  @property() language: Lang = 'tr';

  override render() {
    return html`<div role="group" aria-label=${t(this.language).langSwitch}>
      ${LANGS.map(
        (l) =>
          html`<button
            type="button"
            lang=${l}
            aria-pressed=${l === this.language ? 'true' : 'false'}
            @click=${() => this._choose(l)}
          >
            ${t(l).langName}
          </button>`,
      )}
    </div>`;
  }

  private _choose(lang: Lang): void {
    if (lang === this.language) return;
    this.dispatchEvent(
      new CustomEvent<Lang>('lang-change', { detail: lang, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-lang-switch': BookingLangSwitch;
  }
}
