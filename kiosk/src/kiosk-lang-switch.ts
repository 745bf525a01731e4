import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { LANGS, t } from './i18n.js';

/**
 * Türkçe / English switch, each name in its own language. Fires `lang-change` with the
 * chosen language.
 */
@customElement('kiosk-lang-switch')
export class KioskLangSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
    div {
      display: flex;
      flex-wrap: var(--kiosk-lang-wrap, nowrap);
      gap: 0.4em;
    }
    button {
      font: inherit;
      font-weight: 700;
      min-width: var(--kiosk-lang-size, 64px);
      min-height: var(--kiosk-lang-size, 64px);
      padding: 0 0.8em;
      border: 3px solid currentColor;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--kiosk-lang-on, #ffffff);
      color: var(--kiosk-lang-on-ink, #0b1a2e);
      border-color: var(--kiosk-lang-on, #ffffff);
    }
    button:focus-visible {
      outline: 4px solid var(--kiosk-focus, #ffb000);
      outline-offset: 3px;
    }
  `;

  /** The language shown now. */
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
    'kiosk-lang-switch': KioskLangSwitch;
  }
}
