import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';

/**
 * After the visit: 1–5 and an optional comment, sent once. Fires `rate` with
 * `{ rating, comment }`; the page sends it and shows the thanks when the status says rated.
 */
@customElement('kiosk-rate-visit')
export class KioskRateVisit extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    fieldset {
      margin: 0;
      padding: 16px;
      border: 2px solid var(--phone-ink, #0b1a2e);
      border-radius: 12px;
      background: #ffffff;
    }
    legend {
      padding: 0 6px;
      font-size: 1.1rem;
      font-weight: 700;
    }
    .stars {
      display: grid;
      grid-template-columns: repeat(5, 1fr);
      gap: 8px;
      margin-bottom: 12px;
    }
    .star {
      min-height: 56px;
      border: 2px solid var(--phone-ink, #0b1a2e);
      border-radius: 12px;
      background: #ffffff;
      color: var(--phone-ink, #0b1a2e);
      font: inherit;
      font-size: 1.3rem;
      font-weight: 700;
      cursor: pointer;
    }
    .star[aria-pressed='true'] {
      background: var(--phone-ink, #0b1a2e);
      color: #ffffff;
    }
    label {
      display: block;
      margin-bottom: 6px;
      font-size: 1rem;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      min-height: 72px;
      padding: 8px;
      border: 2px solid #5b6b80;
      border-radius: 8px;
      font: inherit;
    }
    .send {
      width: 100%;
      min-height: 52px;
      margin-top: 12px;
      border: 0;
      border-radius: 12px;
      background: #0a6634;
      color: #ffffff;
      font: inherit;
      font-size: 1.1rem;
      font-weight: 700;
      cursor: pointer;
    }
    .send:disabled {
      background: #5b6b80;
      cursor: not-allowed;
    }
    button:focus-visible,
    textarea:focus-visible {
      outline: 4px solid var(--phone-focus, #ffb000);
      outline-offset: 2px;
    }
  `;

  @state() private _rating = 0;
  @state() private _comment = '';

  /** Page language. */
  @property() language: Lang = 'tr';
  /** A send is in flight. */
  @property({ type: Boolean }) busy = false;

  override render() {
    const text = t(this.language);
    return html`<fieldset>
      <legend>${text.rateHeading}</legend>
      <div class="stars">
        ${[1, 2, 3, 4, 5].map(
          (n) =>
            html`<button
              class="star"
              type="button"
              aria-pressed=${this._rating === n ? 'true' : 'false'}
              aria-label="${text.rateStars(n)}: ${text.rateLabels[n - 1]}"
              title=${text.rateLabels[n - 1]!}
              @click=${() => (this._rating = n)}
            >
              ${n}★
            </button>`,
        )}
      </div>
      <label for="comment">${text.rateComment}</label>
      <textarea
        id="comment"
        maxlength="300"
        .value=${this._comment}
        @input=${(e: Event) => (this._comment = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <button
        class="send"
        type="button"
        ?disabled=${this._rating === 0 || this.busy}
        @click=${this._send}
      >
        ${text.rateSend}
      </button>
    </fieldset>`;
  }

  private _send(): void {
    this.dispatchEvent(
      new CustomEvent('rate', { detail: { rating: this._rating, comment: this._comment } }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-rate-visit': KioskRateVisit;
  }
}
