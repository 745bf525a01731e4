import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import type { AudioZone } from './state/audio-guide.js';

const ZONES: readonly AudioZone[] = ['previous', 'next', 'repeat', 'choose'];

/**
 * The audio guide's screen: four large zones (previous, next, repeat, choose) filling the
 * space, so a visitor who cannot see finds one by touching anywhere in a quarter of the screen.
 * The current choice is written large in the middle for a companion or a low-vision visitor.
 * Fires `zone` with the zone touched.
 */
@customElement('kiosk-audio-guide')
export class KioskAudioGuide extends LitElement {
  static override styles = css`
    :host {
      position: relative;
      display: grid;
      grid-template-columns: 1fr 1fr;
      grid-template-rows: 1fr 1fr;
      gap: var(--kiosk-gap);
      height: 100%;
      min-height: 0;
    }
    button {
      display: flex;
      align-items: flex-start;
      justify-content: flex-start;
      min-height: var(--kiosk-touch);
      padding: var(--kiosk-pad);
      border: 0.6vmin solid var(--kiosk-service-active);
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-service);
      color: var(--kiosk-service-ink);
      font: inherit;
      font-size: var(--kiosk-text-l);
      font-weight: 800;
      cursor: pointer;
      touch-action: manipulation;
    }
    .next,
    .choose {
      justify-content: flex-end;
      text-align: end;
    }
    .repeat,
    .choose {
      align-items: flex-end;
    }
    .choose {
      background: var(--kiosk-success);
      color: var(--kiosk-success-ink);
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: -10px;
    }
    /* The current choice sits over the meeting point of the zones; a touch goes through it. */
    .current {
      position: absolute;
      inset: 30% 8%;
      display: grid;
      place-items: center;
      margin: 0;
      padding: 2vmin;
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-surface);
      color: var(--kiosk-ink);
      box-shadow: 0 0.4vmin 1.6vmin rgb(0 0 0 / 0.35);
      font-size: var(--kiosk-text-xl);
      font-weight: 900;
      text-align: center;
      overflow-wrap: anywhere;
      pointer-events: none;
    }
    .position {
      display: block;
      font-size: var(--kiosk-text-m);
      font-weight: 700;
      color: var(--kiosk-muted);
    }
  `;

  /** The current choice, written in the middle. */
  @property() current = '';
  /** "2 / 7" */
  @property() position = '';
  @property() language: Lang = 'tr';

  override render() {
    const text = t(this.language);
    return html`${ZONES.map(
        (zone) =>
          html`<button
            type="button"
            class=${zone}
            data-zone=${zone}
            @click=${() => this._touch(zone)}
          >
            ${text.zones[zone]}
          </button>`,
      )}
      <p class="current" aria-live="off" data-testid="audio-current">
        <span>
          <span class="position">${this.position}</span>
          ${this.current}
        </span>
      </p>`;
  }

  private _touch(zone: AudioZone): void {
    this.dispatchEvent(
      new CustomEvent<AudioZone>('zone', { detail: zone, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-audio-guide': KioskAudioGuide;
  }
}
