import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';

/** A loudspeaker with sound waves, drawn (the kiosk has no emoji font). */
const SPEAKER = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
  <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
  <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
</svg>`;

/**
 * The help switches, always in the same place: a full-width bar along the bottom edge of every
 * screen, which a visitor who cannot see finds by hand (the edge of the screen). Left: "Sesli
 * yardım"; right: "Büyük yazı / Yüksek karşıtlık". Fires `audio-toggle` and `large-toggle`.
 */
@customElement('kiosk-help-bar')
export class KioskHelpBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1.4vmin var(--kiosk-pad);
      background: var(--kiosk-bar);
    }
    .bar {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: var(--kiosk-gap);
    }
    button {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.5em;
      min-height: var(--kiosk-touch);
      padding: 0.6vmin 2vmin;
      border: 3px solid var(--kiosk-bar-ink);
      border-radius: var(--kiosk-radius);
      background: transparent;
      color: var(--kiosk-bar-ink);
      font: inherit;
      font-size: var(--kiosk-text-m);
      font-weight: 800;
      line-height: 1.15;
      cursor: pointer;
      touch-action: manipulation;
    }
    button[aria-pressed='true'] {
      background: var(--kiosk-bar-ink);
      color: var(--kiosk-bar);
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 3px;
    }
    .icon {
      font-size: 1.3em;
    }
    svg.icon {
      width: 1.4em;
      height: 1.4em;
      flex: none;
    }
  `;

  @property() language: Lang = 'tr';
  /** The audio guide is on. */
  @property({ type: Boolean }) audio = false;
  /** Large text and high contrast are on. */
  @property({ type: Boolean }) large = false;
  /** This kiosk can speak: the audio guide's button is shown only then. */
  @property({ type: Boolean }) canSpeak = true;

  override render() {
    const text = t(this.language);
    return html`<div class="bar" role="group" aria-label=${text.helpBar}>
      ${
        this.canSpeak
          ? html`<button
              type="button"
              class="audio"
              aria-pressed=${this.audio ? 'true' : 'false'}
              @click=${() => this._emit('audio-toggle')}
            >
              ${SPEAKER}${text.audioGuide}
            </button>`
          : html`<span></span>`
      }
      <button
        type="button"
        class="large"
        aria-pressed=${this.large ? 'true' : 'false'}
        @click=${() => this._emit('large-toggle')}
      >
        <span class="icon" aria-hidden="true">Aa</span>${text.largeText}
      </button>
    </div>`;
  }

  private _emit(name: 'audio-toggle' | 'large-toggle'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-help-bar': KioskHelpBar;
  }
}
