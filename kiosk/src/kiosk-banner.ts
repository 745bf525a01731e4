import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A strip across the top: the server cannot be reached, or a ticket request failed. */
@customElement('kiosk-banner')
export class KioskBanner extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    div {
      display: flex;
      align-items: center;
      gap: var(--kiosk-gap);
      padding: 2vmin var(--kiosk-pad);
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-danger);
      color: var(--kiosk-danger-ink);
    }
    .text {
      flex: 1;
    }
    strong {
      display: block;
      font-size: var(--kiosk-text-l);
    }
    span {
      font-size: var(--kiosk-text-m);
    }
    button {
      min-height: var(--kiosk-touch);
      padding: 0 var(--kiosk-pad);
      border: 3px solid currentColor;
      border-radius: var(--kiosk-radius);
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: var(--kiosk-text-m);
      font-weight: 700;
      cursor: pointer;
    }
  `;

  @property() heading = '';
  @property() message = '';
  /** Label of the close button; no button when empty. */
  @property() dismissLabel = '';

  override render() {
    return html`<div role="alert">
      <p class="text">
        ${this.heading ? html`<strong>${this.heading}</strong>` : null}
        <span>${this.message}</span>
      </p>
      ${
        this.dismissLabel
          ? html`<button type="button" @click=${this._dismiss}>${this.dismissLabel}</button>`
          : null
      }
    </div>`;
  }

  private _dismiss(): void {
    this.dispatchEvent(new CustomEvent('dismiss', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-banner': KioskBanner;
  }
}
