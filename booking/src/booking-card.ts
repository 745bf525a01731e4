import { html, LitElement, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BookingView } from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';
import { checkInWindow, dayLabel, groupCheckInCode, isPast, ownLink } from './booking-format.js';
import { bookingStyles } from './booking-styles.js';
import { t } from './i18n.js';
import '../../ui/qr-code.js';

/**
 * One booking: its status, the check-in code large and grouped with its QR, when and what, the
 * booking's own link to keep, and what to do at the hall.
 */
@customElement('booking-card')
export class BookingCard extends LitElement {
  static override styles = [
    bookingStyles,
    css`
      .status {
        display: inline-block;
        margin: 0 0 12px;
        padding: 4px 12px;
        border-radius: 999px;
        background: #e3f1e8;
        color: var(--ok);
        font-weight: 700;
      }
      .status.off {
        background: #f8e3e6;
        color: var(--danger);
      }
      .code {
        margin: 4px 0 8px;
        font-size: 2.2rem;
        font-weight: 900;
        letter-spacing: 0.04em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .code-label {
        margin: 0;
        font-weight: 700;
        color: var(--muted);
      }
      .qr {
        display: flex;
        justify-content: center;
        margin: 8px 0 12px;
      }
      dl {
        display: grid;
        gap: 8px;
        margin: 0 0 12px;
      }
      dt {
        font-size: 0.9rem;
        color: var(--muted);
        font-weight: 700;
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      .link {
        word-break: break-all;
      }
      .link a {
        display: inline-block;
        min-height: 44px;
        padding: 8px 0;
        box-sizing: border-box;
      }
      .hall {
        padding: 12px;
        border-left: 4px solid var(--accent);
        background: #eef2f7;
      }
    `,
  ];

  @property({ attribute: false }) booking: BookingView | null = null;
  @property() language: Lang = 'tr';
  @property({ type: Number }) now = Date.now();

  @state() private _copied = false;

  override render() {
    const b = this.booking;
    if (!b) return null;
    const text = t(this.language);
    const past = isPast(b, this.now);
    const live = b.status === 'booked' && !past;
    const link = ownLink(window.location.origin, b.url);
    const window_ = checkInWindow(b);
    const code = groupCheckInCode(b.checkInCode);
    return html`<div class="card">
      <p class="status ${live || b.status === 'checked-in' ? '' : 'off'}" data-testid="status">
        ${past ? text.past : text.status[b.status]}
      </p>
      ${
        live
          ? html`<p class="code-label" id="code-label">${text.checkInCode}</p>
              <p class="code" data-testid="check-in-code" aria-labelledby="code-label">${code}</p>
              <div class="qr">
                <qr-code .text=${b.checkInCode} .alt=${text.qrAlt(code)}></qr-code>
              </div>`
          : null
      }
      ${b.ticketNumber ? html`<p><strong>${text.ticketLine(b.ticketNumber)}</strong></p>` : null}
      <dl>
        <div>
          <dt>${text.whenLabel}</dt>
          <dd data-testid="when">${dayLabel(b.day, this.language)}, ${b.time}</dd>
        </div>
        <div>
          <dt>${text.serviceLabel}</dt>
          <dd>${b.serviceName[this.language]} · ${b.hallName}</dd>
        </div>
        <div>
          <dt>${text.nameShown}</dt>
          <dd>${b.name}</dd>
        </div>
      </dl>
      ${
        live
          ? html`<p class="hall" data-testid="at-hall">
              ${text.atHall(window_.early, window_.late)}<br />${text.atHallWindow(window_.from, window_.until)}
            </p>`
          : null
      }
      ${
        live
          ? html`<p><strong>${text.linkLabel}</strong></p>
              <p class="link"><a href=${b.url} data-testid="own-link">${link}</a></p>
              <p>${text.linkHint}</p>
              <div class="row">
                <button type="button" @click=${() => void this._share(link)}>${text.share}</button>
              </div>
              <p class="note" role="status">${this._copied ? text.copied : ''}</p>`
          : null
      }
    </div>`;
  }

  /** The phone's share sheet where it has one; otherwise the link is copied. */
  private async _share(link: string): Promise<void> {
    const text = t(this.language);
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: text.ownTitle, url: link });
        return;
      }
    } catch {
      // Cancelled by the visitor, or not allowed: fall back to copying.
    }
    try {
      await navigator.clipboard.writeText(link);
      this._copied = true;
    } catch {
      // Plain HTTP has no clipboard API: select the link so it can be copied by hand.
      const anchor = this.renderRoot.querySelector('.link a');
      const range = document.createRange();
      if (anchor) {
        range.selectNodeContents(anchor);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-card': BookingCard;
  }
}
