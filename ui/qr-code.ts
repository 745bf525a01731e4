import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import QRCode from 'qrcode';

/**
 * A QR code of `text`, drawn in the browser as a PNG data URL: the kiosk's ticket link and the
 * booking page's check-in code. Its side is `--qr-size` (180px unless the page sets it).
 */
@customElement('qr-code')
export class QrCode extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      line-height: 0;
    }
    img,
    .placeholder {
      width: var(--qr-size, 180px);
      height: var(--qr-size, 180px);
      background: #ffffff;
    }
    img {
      image-rendering: pixelated;
    }
  `;

  @state() private _src: string | null = null;

  /** What the code holds. */
  @property() text = '';
  /** Describes the code for screen readers. */
  @property() alt = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('text')) return;
    this._src = null;
    const text = this.text;
    if (!text) return;
    // 480 px holds every module of a ticket link sharply at the kiosk's largest QR; pixelated
    // scaling keeps the edges crisp at any smaller size.
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
      .then((src) => {
        if (this.text === text) this._src = src;
      })
      .catch(() => {
        this._src = null;
      });
  }

  override render() {
    return this._src
      ? html`<img src=${this._src} alt=${this.alt} />`
      : html`<div class="placeholder" role="img" aria-label=${this.alt}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qr-code': QrCode;
  }
}
