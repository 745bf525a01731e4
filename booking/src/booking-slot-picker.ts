import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { bookingApi, type BookingDays, type BookingSlots } from './booking-api.js';
import { bookingError, dayLabel } from './booking-format.js';
import { bookingStyles } from './booking-styles.js';
import { t, type BookingError } from './i18n.js';

/** Free times are read again this often while the list is on screen. */
export const SLOT_REFRESH_MS = 20_000;

export interface SlotChoice {
  day: string;
  time: string;
}

/**
 * Two steps of a booking (or a move): a day from the list of the next days with their free
 * places (closed days say why), then a free time. The times are read again every 20 s and when
 * the page comes back into view. Fires `pick` with the day and time, `back` from the day list.
 */
@customElement('booking-slot-picker')
export class BookingSlotPicker extends LitElement {
  static override styles = [bookingStyles];

  @property() hallId = '';
  @property() serviceId = '';
  @property() language: Lang = 'tr';
  /** Open on this day's times (after a slot was taken under the visitor's finger). */
  @property() initialDay: string | null = null;
  /** A message to show at once, e.g. `slot-full`. */
  @property() notice: 'slot-full' | null = null;
  /** Heading of the day step (moving says "New day and time"). */
  @property() heading = '';

  @state() private _step: 'day' | 'slot' = 'day';
  @state() private _days: BookingDays['days'] | null = null;
  @state() private _day: string | null = null;
  @state() private _slots: BookingSlots['slots'] | null = null;
  @state() private _error: BookingError | null = null;
  @state() private _message = '';
  @state() private _slotFull = false;

  private _timer: ReturnType<typeof setInterval> | undefined;
  private readonly _onWake = () => {
    if (document.visibilityState === 'visible') void this._refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('focus', this._onWake);
    document.addEventListener('visibilitychange', this._onWake);
    this._timer = setInterval(() => void this._refresh(), SLOT_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('focus', this._onWake);
    document.removeEventListener('visibilitychange', this._onWake);
    clearInterval(this._timer);
  }

  override firstUpdated(): void {
    if (this.initialDay) {
      this._slotFull = this.notice === 'slot-full';
      void this._openDay(this.initialDay);
    } else {
      void this._loadDays();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('_step' as keyof BookingSlotPicker) || changed.has('hallId'))
      this.renderRoot.querySelector('h2')?.focus();
  }

  override render() {
    const text = t(this.language);
    return html`
      <button type="button" class="back" @click=${this._back}>← ${text.back}</button>
      ${this._step === 'day' ? this._renderDays() : this._renderSlots()}
      <p class="visually-hidden" role="status" aria-live="polite">${this._message}</p>
      ${
        this._error
          ? html`<p class="error" role="alert">
              ${text.errors[this._error]}
              <button type="button" @click=${() => void this._refresh()}>${text.retry}</button>
            </p>`
          : null
      }
    `;
  }

  private _renderDays() {
    const text = t(this.language);
    const days = this._days;
    return html`<h2 tabindex="-1">${this.heading || text.chooseDay}</h2>
      ${
        days === null
          ? html`<p>${text.loading}</p>`
          : days.length === 0
            ? html`<p>${text.noDays}</p>`
            : html`<ul class="list" data-testid="days">
                ${days.map(
                  (d) =>
                    html`<li>
                      <button
                        type="button"
                        class="wide"
                        data-day=${d.day}
                        ?disabled=${d.closed !== null || d.free === 0}
                        @click=${() => void this._openDay(d.day)}
                      >
                        ${dayLabel(d.day, this.language)}
                        <span class="sub"
                          >${
                            d.closed !== null
                              ? text.closed[d.closed]
                              : d.free === 0
                                ? text.closed.full
                                : text.freeCount(d.free)
                          }</span
                        >
                      </button>
                    </li>`,
                )}
              </ul>`
      }`;
  }

  private _renderSlots() {
    const text = t(this.language);
    const day = this._day ?? '';
    const slots = this._slots;
    return html`<h2 tabindex="-1">${text.chooseSlot}</h2>
      <p>${dayLabel(day, this.language)}</p>
      ${this._slotFull ? html`<p class="error" role="alert">${text.slotTaken}</p>` : null}
      ${
        slots === null
          ? html`<p>${text.loading}</p>`
          : slots.length === 0
            ? html`<p>${text.noSlots}</p>`
            : html`<div
                class="times"
                role="group"
                aria-label=${text.slotsOf(dayLabel(day, this.language))}
                data-testid="slots"
                style="display:grid;grid-template-columns:repeat(auto-fill,minmax(92px,1fr));gap:10px"
              >
                ${slots.map(
                  (s) =>
                    html`<button
                      type="button"
                      data-time=${s.time}
                      style="text-align:center"
                      @click=${() => this._pick(s.time)}
                    >
                      ${s.time}<span class="sub">${text.freeInSlot(s.free)}</span>
                    </button>`,
                )}
              </div>`
      }`;
  }

  private _back(): void {
    if (this._step === 'slot') {
      this._step = 'day';
      this._slotFull = false;
      void this._loadDays();
      return;
    }
    this.dispatchEvent(new CustomEvent('back', { bubbles: true, composed: true }));
  }

  private _pick(time: string): void {
    if (!this._day) return;
    this.dispatchEvent(
      new CustomEvent<SlotChoice>('pick', {
        detail: { day: this._day, time },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private async _openDay(day: string): Promise<void> {
    this._day = day;
    this._step = 'slot';
    this._slots = null;
    await this._loadSlots();
  }

  private async _refresh(): Promise<void> {
    if (this._step === 'slot') await this._loadSlots(true);
    else await this._loadDays();
  }

  private async _loadDays(): Promise<void> {
    const res = await bookingApi.days(this.hallId, this.serviceId);
    if (!res.ok) {
      this._error = bookingError(res.code);
      return;
    }
    this._error = null;
    this._days = res.data.days;
  }

  private async _loadSlots(announce = false): Promise<void> {
    const day = this._day;
    if (!day) return;
    const res = await bookingApi.slots(this.hallId, this.serviceId, day);
    if (this._day !== day) return;
    if (!res.ok) {
      this._error = bookingError(res.code);
      return;
    }
    this._error = null;
    const before = JSON.stringify(this._slots);
    this._slots = res.data.slots;
    if (announce && before !== JSON.stringify(this._slots))
      this._message = t(this.language).slotsRefreshed;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-slot-picker': BookingSlotPicker;
  }
}
