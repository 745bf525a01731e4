import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { text } from './i18n.js';

const speakerIcon = html`<svg viewBox="0 0 24 24" width="120" height="120" fill="none"
  stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
  <path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor" />
  <path d="M15.5 8.5a5 5 0 0 1 0 7" /><path d="M19 5a10 10 0 0 1 0 14" /></svg>`;

/**
 * Shown when the browser keeps sound off until someone touches the screen. One tap anywhere
 * fires `display-unlock`; the app resumes the audio from inside that gesture.
 */
@customElement('display-sound-overlay')
export class DisplaySoundOverlay extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 10;
      display: block;
    }
    button {
      width: 100%;
      height: 100%;
      border: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 28px;
      background: rgb(5 12 24 / 0.92);
      color: var(--display-text);
      font: inherit;
      cursor: pointer;
    }
    .icon {
      width: 200px;
      height: 200px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--display-accent);
      color: var(--display-accent-text);
    }
    .tr {
      font-size: 96px;
      font-weight: 800;
    }
    .en {
      font-size: 56px;
      font-weight: 600;
      color: var(--display-muted);
    }
    .help {
      font-size: 34px;
      color: var(--display-muted);
    }
    button:focus-visible {
      outline: 8px solid var(--display-accent);
      outline-offset: -16px;
    }
  `;

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
