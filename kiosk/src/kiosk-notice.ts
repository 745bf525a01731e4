import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A whole-screen message: not paired, connecting, ticket not found. */
@customElement('kiosk-notice')
export class KioskNotice extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      min-height: 100%;
      text-align: center;
    }
    section {
      max-width: 34em;
      padding: var(--kiosk-pad, 24px);
    }
    .mark {
      display: inline-grid;
      place-items: center;
      width: var(--kiosk-notice-mark, 96px);
      height: var(--kiosk-notice-mark, 96px);
      border-radius: 50%;
      font-size: calc(var(--kiosk-notice-mark, 96px) * 0.6);
      font-weight: 900;
      background: var(--kiosk-notice-tone, #0b4f8a);
      color: #ffffff;
    }
    h1 {
      margin: 0.5em 0 0.3em;
      font-size: var(--kiosk-notice-title, 2rem);
      line-height: 1.15;
    }
    p {
      margin: 0.4em 0 0;
      font-size: var(--kiosk-notice-body, 1.25rem);
      line-height: 1.4;
    }
    .second {
      margin-top: 1.6em;
      padding-top: 1.2em;
      border-top: 2px solid currentColor;
      opacity: 0.92;
    }
    .second h2 {
      margin: 0;
      font-size: calc(var(--kiosk-notice-title, 2rem) * 0.7);
    }
  `;

  @property() heading = '';
  @property() body = '';
  /** The same message in a second language (the unpaired kiosk has no language switch). */
  @property() secondHeading = '';
  @property() secondBody = '';
  @property() secondLang = '';
  /** `!` for a problem, `…` while waiting. */
  @property() mark = '!';

  override render() {
    return html`<section role="alert">
      <span class="mark" aria-hidden="true">${this.mark}</span>
      <h1>${this.heading}</h1>
      <p>${this.body}</p>
      ${
        this.secondHeading
          ? html`<div class="second" lang=${this.secondLang}>
              <h2>${this.secondHeading}</h2>
              <p>${this.secondBody}</p>
            </div>`
          : null
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notice': KioskNotice;
  }
}
