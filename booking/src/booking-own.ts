import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BookingView } from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';
import { bookingApi } from './booking-api.js';
import { bookingError, dayLabel } from './booking-format.js';
import type { SlotChoice } from './booking-slot-picker.js';
import { bookingStyles } from './booking-styles.js';
import { t, type BookingError } from './i18n.js';
import './booking-card.js';
import './booking-slot-picker.js';

type Step = 'view' | 'confirm-cancel' | 'move' | 'confirm-move';

/**
 * A booking's own page (`/randevu/<code>`): the booking, "İptal et" (asked once more) and
 * "Başka saate taşı" (the same day and time picker). Fires `loaded` with the booking.
 */
@customElement('booking-own')
export class BookingOwn extends LitElement {
  static override styles = [bookingStyles];

  @property() code = '';
  @property() language: Lang = 'tr';

  @state() private _booking: BookingView | null = null;
  @state() private _notFound = false;
  @state() private _step: Step = 'view';
  @state() private _choice: SlotChoice | null = null;
  @state() private _slotFull = false;
  @state() private _error: BookingError | null = null;
  @state() private _busy = false;
  @state() private _result = '';

  override firstUpdated(): void {
    void this._load();
  }

  override updated(changed: PropertyValues<this>): void {
    const prev = changed.get('_step' as keyof BookingOwn);
    if (prev !== undefined) this.renderRoot.querySelector('h2')?.focus();
  }

  override render() {
    const text = t(this.language);
    if (this._notFound)
      return html`<h2 tabindex="-1">${text.notFoundTitle}</h2>
        <p>${text.notFoundBody}</p>
        <p><a class="button" href="/randevu">${text.newBooking}</a></p>`;
    const b = this._booking;
    if (!b)
      return this._error
        ? html`<p class="error" role="alert">${text.errors[this._error]}</p>
            <button type="button" @click=${this._retry}>${text.retry}</button>`
        : html`<p>${text.loading}</p>`;
    switch (this._step) {
      case 'move':
        return html`<booking-slot-picker
          .hallId=${b.hallId}
          .serviceId=${b.serviceId}
          .language=${this.language}
          .heading=${text.moveTitle}
          .initialDay=${this._slotFull ? (this._choice?.day ?? null) : null}
          .notice=${this._slotFull ? 'slot-full' : null}
          @pick=${this._onPick}
          @back=${() => this._go('view')}
        ></booking-slot-picker>`;
      case 'confirm-move': {
        const c = this._choice!;
        return html`<button type="button" class="back" @click=${() => this._go('move')}>
            ← ${text.back}
          </button>
          <h2 tabindex="-1">${text.moveTitle}</h2>
          ${this._renderError()}
          <button
            type="button"
            class="primary wide"
            ?disabled=${this._busy}
            @click=${() => void this._move()}
          >
            ${text.moveConfirm(dayLabel(c.day, this.language), c.time)}
          </button>`;
      }
      default:
        return this._renderView(b);
    }
  }

  private _renderView(b: BookingView) {
    const text = t(this.language);
    return html`<h2 tabindex="-1">${text.ownTitle}</h2>
      <p class="note" role="status" aria-live="polite" data-testid="result">${this._result}</p>
      <booking-card .booking=${b} .language=${this.language}></booking-card>
      ${
        this._step === 'confirm-cancel'
          ? html`<div
              class="card"
              role="alertdialog"
              aria-labelledby="cancel-ask"
              style="margin-top:14px"
            >
              <p id="cancel-ask"><strong>${text.cancelAsk}</strong></p>
              ${this._renderError()}
              <div class="row">
                <button
                  type="button"
                  class="danger primary"
                  ?disabled=${this._busy}
                  @click=${() => void this._cancel()}
                >
                  ${text.cancelYes}
                </button>
                <button type="button" @click=${() => this._go('view')}>${text.cancelNo}</button>
              </div>
            </div>`
          : b.changeable
            ? html`${this._renderError()}
                <div class="row">
                  <button type="button" @click=${() => this._go('move')}>${text.move}</button>
                  <button type="button" class="danger" @click=${this._askCancel}>
                    ${text.cancel}
                  </button>
                </div>`
            : b.status === 'booked'
              ? html`<p>${text.notChangeable}</p>`
              : html`<p><a class="button" href="/randevu">${text.newBooking}</a></p>`
      }`;
  }

  private _renderError() {
    return this._error
      ? html`<p class="error" role="alert">${t(this.language).errors[this._error]}</p>`
      : null;
  }

  private _go(step: Step): void {
    this._error = null;
    if (step !== 'move') this._slotFull = false;
    this._step = step;
  }

  private async _askCancel(): Promise<void> {
    this._result = '';
    this._go('confirm-cancel');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.danger.primary')?.focus();
  }

  private _retry(): void {
    this._error = null;
    void this._load();
  }

  private async _load(): Promise<void> {
    const res = await bookingApi.get(this.code);
    if (res.ok) return this._show(res.data);
    if (res.code === 'booking-not-found' || res.code === 'not-found' || res.code === 'validation')
      this._notFound = true;
    else this._error = bookingError(res.code);
  }

  private _show(view: BookingView): void {
    this._booking = view;
    this.dispatchEvent(new CustomEvent('loaded', { detail: view, bubbles: true, composed: true }));
  }

  private _onPick(e: CustomEvent<SlotChoice>): void {
    this._choice = e.detail;
    this._slotFull = false;
    this._go('confirm-move');
  }

  private async _cancel(): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    const res = await bookingApi.cancel(this.code);
    this._busy = false;
    if (!res.ok) return this._failed(res.code);
    this._show(res.data);
    this._result = t(this.language).cancelled;
    this._go('view');
  }

  private async _move(): Promise<void> {
    const choice = this._choice;
    if (this._busy || !choice) return;
    this._busy = true;
    const res = await bookingApi.move(this.code, choice.day, choice.time);
    this._busy = false;
    if (res.ok) {
      this._show(res.data);
      this._result = t(this.language).moved;
      this._go('view');
      return;
    }
    if (res.code === 'slot-full' || res.code === 'booking-closed') {
      this._slotFull = true;
      this._step = 'move';
      return;
    }
    this._failed(res.code);
  }

  private _failed(code: string): void {
    this._error = bookingError(code);
    // Changed elsewhere (cancelled on another phone, or too late now): show what it is now.
    if (code === 'booking-not-changeable') void this._load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-own': BookingOwn;
  }
}
