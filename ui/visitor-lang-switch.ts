import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../contract/domain.js';

/** Each language named in itself, so a visitor who reads only one finds it. */
const OPTIONS: Array<{ lang: Lang; label: string }> = [
  { lang: 'tr', label: 'Türkçe' },
  { lang: 'en', label: 'English' },
];

/**
 * The visitor pages' Türkçe / English switch (kiosk, phone ticket page, booking page): two
 * round touch buttons in the text colour of the page. Sized and coloured by the page with
 * `--visitor-lang-size` (64px), `--visitor-lang-wrap` (nowrap), `--visitor-lang-on` and
 * `--visitor-lang-on-ink` (the chosen button) and `--visitor-lang-focus`. The staff pages'
 * header toggle is `staff-lang-switch`. Fires `lang-change` with the chosen language.
 */
@customElement('visitor-lang-switch')
export class VisitorLangSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
    div {
      display: flex;
      flex-wrap: var(--visitor-lang-wrap, nowrap);
      gap: 0.4em;
    }
    button {
      font: inherit;
      font-weight: 700;
      min-width: var(--visitor-lang-size, 64px);
      min-height: var(--visitor-lang-size, 64px);
      padding: 0 0.8em;
      border: 3px solid currentColor;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--visitor-lang-on, #ffffff);
      color: var(--visitor-lang-on-ink, #0b1a2e);
      border-color: var(--visitor-lang-on, #ffffff);
    }
    button:focus-visible {
      outline: 4px solid var(--visitor-lang-focus, #ffb000);
      outline-offset: 3px;
    }
  `;

  /** The language shown now. */
  @property() language: Lang = 'tr';
  /** The group's accessible name in the page's language ("Dil seçimi" / "Language"). */
  @property() label = '';

  override render() {
    return html`<div role="group" aria-label=${this.label}>
      ${OPTIONS.map(
        (o) =>
          html`<button
            type="button"
            lang=${o.lang}
            aria-pressed=${o.lang === this.language ? 'true' : 'false'}
            @click=${() => this._choose(o.lang)}
          >
            ${o.label}
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
    'visitor-lang-switch': VisitorLangSwitch;
  }
}
