import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../contract/domain.js';

/** Each language named in itself, so a visitor who reads only one finds it. */
const OPTIONS: Array<{ lang: Lang; label: string }> = [
  { lang: 'tr', label: 'Türkçe' },
  { lang: 'en', label: 'English' },
];

/**
 * The staff pages' TR/EN toggle, for a page header on the accent colour. Its colours come from
 * the page: `--staff-on-accent`, `--staff-accent-strong`, `--staff-focus`. Fires `staff-lang`
 * with the chosen language.
 */
@customElement('staff-lang-switch')
export class StaffLangSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }
    div {
      display: inline-flex;
      border: 1px solid var(--staff-on-accent);
      border-radius: 8px;
      overflow: hidden;
    }
    button {
      font: inherit;
      font-weight: 600;
      min-height: 36px;
      padding: 4px 12px;
      border: 0;
      background: transparent;
      color: var(--staff-on-accent);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--staff-on-accent);
      color: var(--staff-accent-strong);
    }
    button:focus-visible {
      outline: 3px solid var(--staff-focus);
      outline-offset: -3px;
    }
  `;

  /** The language in use. */
  @property() language: Lang = 'tr';
  /** The group's accessible name in the page's language ("Dil" / "Language"). */
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
      new CustomEvent<Lang>('staff-lang', { detail: lang, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-lang-switch': StaffLangSwitch;
  }
}
