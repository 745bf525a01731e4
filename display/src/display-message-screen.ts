import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './display-message-screen.styles.js';
import type { Bilingual } from './i18n.js';

/** A whole-screen message: "not paired", "connecting". Turkish large, English beneath. */
@customElement('display-message-screen')
export class DisplayMessageScreen extends LitElement {
  static override styles = styles;

  /** The message, in both languages. */
  @property({ attribute: false }) heading: Bilingual = { tr: '', en: '' };
  /** What to do about it, in both languages. */
  @property({ attribute: false }) detail: Bilingual | null = null;
  /** `alert` for a problem someone must fix (shows a warning mark). */
  @property({ reflect: true }) tone: 'info' | 'alert' = 'info';

  override render() {
    return html`<div class="message" role=${this.tone === 'alert' ? 'alert' : 'status'}>
      ${this.tone === 'alert' ? html`<div class="mark" aria-hidden="true">!</div>` : nothing}
      <h1>${this.heading.tr}<span class="en" lang="en">${this.heading.en}</span></h1>
      ${
        this.detail
          ? html`<p>${this.detail.tr}</p>
              <p lang="en">${this.detail.en}</p>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-message-screen': DisplayMessageScreen;
  }
}
