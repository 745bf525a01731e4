import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';

const OPTIONS: Array<{ lang: Lang; label: string }> = [
  { lang: 'tr', label: 'Türkçe' },
  { lang: 'en', label: 'English' },
];

/** TR/EN toggle; fires `manager-lang` with the chosen language. */
@customElement('manager-lang-switch')
export class ManagerLangSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }
    div {
      display: inline-flex;
      border: 1px solid var(--manager-on-accent);
      border-radius: 8px;
      overflow: hidden;
    }
    button {
      font: inherit;
      font-weight: 600;
      min-height: 34px;
      padding: 4px 12px;
      border: 0;
      background: transparent;
      color: var(--manager-on-accent);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--manager-on-accent);
      color: var(--manager-accent-strong);
    }
    button:focus-visible {
      outline: 3px solid var(--manager-focus);
      outline-offset: -3px;
    }
  `;

  /** The language in use. */
  @property() language: Lang = 'tr';

  override render() {
    return html`<div role="group" aria-label=${messages(this.language).language}>
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
      new CustomEvent<Lang>('manager-lang', { detail: lang, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-lang-switch': ManagerLangSwitch;
  }
}
