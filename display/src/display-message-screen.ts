import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Bilingual } from './i18n.js';

/** A whole-screen message: "not paired", "connecting". Turkish large, English beneath. */
@customElement('display-message-screen')
export class DisplayMessageScreen extends LitElement {
  static override styles = css`
    :host {
      grid-row: 1 / -1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 32px;
      text-align: center;
      padding: 80px;
    }
    .mark {
      width: 180px;
      height: 180px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      font-size: 120px;
      font-weight: 900;
      background: var(--display-warn);
      color: var(--display-accent-text);
    }
    h1 {
      margin: 0;
      font-size: 104px;
      line-height: 1.1;
      font-weight: 800;
    }
    .en {
      display: block;
      margin-top: 16px;
      font-size: 60px;
      font-weight: 600;
      color: var(--display-muted);
    }
    p {
      margin: 0;
      max-width: 1400px;
      font-size: 40px;
      line-height: 1.35;
      color: var(--display-muted);
    }
  `;

  /** The message, in both languages. */
  @property({ attribute: false }) heading: Bilingual = { tr: '', en: '' };
  /** What to do about it, in both languages. */
  @property({ attribute: false }) detail: Bilingual | null = null;
  /** `alert` for a problem someone must fix (shows a warning mark). */
  @property({ reflect: true }) tone: 'info' | 'alert' = 'info';

  override render() {
    return html`
      ${this.tone === 'alert' ? html`<div class="mark" aria-hidden="true">!</div>` : nothing}
      <h1 role=${this.tone === 'alert' ? 'alert' : 'status'}>
        ${this.heading.tr}<span class="en" lang="en">${this.heading.en}</span>
      </h1>
      ${this.detail
        ? html`<p>${this.detail.tr}</p>
            <p lang="en">${this.detail.en}</p>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-message-screen': DisplayMessageScreen;
  }
}
