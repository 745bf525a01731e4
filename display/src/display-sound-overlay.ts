import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { styles } from './display-sound-overlay.styles.js';
import { text } from './i18n.js';

const speakerIcon = html`<svg
  viewBox="0 0 24 24"
  width="100%"
  height="100%"
  fill="none"
  stroke="currentColor"
  stroke-width="2"
  stroke-linecap="round"
  stroke-linejoin="round"
>
  <path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor" />
  <path d="M15.5 8.5a5 5 0 0 1 0 7" />
  <path d="M19 5a10 10 0 0 1 0 14" />
</svg>`;

/**
 * Shown when the browser keeps sound off until someone touches the screen. One tap anywhere
 * fires `display-unlock`; the app resumes the audio from inside that gesture.
 */
@customElement('display-sound-overlay')
export class DisplaySoundOverlay extends LitElement {
  static override styles = styles;

  override render() {
    return html`<button type="button" @click=${this.onTap}>
      <span class="icon" aria-hidden="true">${speakerIcon}</span>
      <span class="tr">${text.soundPrompt.tr}</span>
      <span class="en" lang="en">${text.soundPrompt.en}</span>
      <span class="help">${text.soundHelp.tr}</span>
      <span class="help" lang="en">${text.soundHelp.en}</span>
    </button>`;
  }

  private onTap = () => {
    this.dispatchEvent(new CustomEvent('display-unlock', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'display-sound-overlay': DisplaySoundOverlay;
  }
}
