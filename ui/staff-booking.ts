import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type {
  BookingView,
  bookableServices,
  bookingDays,
  bookingSlots,
  makeBooking,
  staffBookings,
  staffCancelBooking,
} from '../contract/bookings.js';
import { call, route, type CallFailure } from '../contract/client.js';
import type { Lang } from '../contract/domain.js';
import { nameMatches, phoneOrNull } from './staff-booking-model.js';
import { staffErrorText } from './staff-error-text.js';

/*
 * The booking endpoints as routes (method and path typed by the endpoint, no schemas): the
 * counter's bundle stays small and the server checks every request.
 */
const SERVICES = route<typeof bookableServices>('get', '/halls/:hallId/booking/services');
const DAYS = route<typeof bookingDays>('get', '/halls/:hallId/booking/days');
const SLOTS = route<typeof bookingSlots>('get', '/halls/:hallId/booking/slots');
const BOOK = route<typeof makeBooking>('post', '/halls/:hallId/bookings');
const LIST = route<typeof staffBookings>('get', '/halls/:hallId/bookings');
const CANCEL = route<typeof staffCancelBooking>(
  'post',
  '/halls/:hallId/bookings/:bookingId/cancel',
);

type Service = { serviceId: string; name: { tr: string; en: string } };

/** A refusal in the staff pages' words; a timeout reads as the network being unreachable. */
const failureText = (lang: Lang, f: CallFailure): string =>
  staffErrorText(lang, f.code === 'timeout' ? 'network' : f.code);
type Row = {
  id: string;
  serviceId: string;
  time: string;
  name: string;
  status: 'booked' | 'cancelled' | 'checked-in' | 'no-show';
  ticketNumber: string | null;
};

const TEXT = {
  tr: {
    heading: 'Telefonla randevu',
    service: 'Hizmet',
    day: 'Gün',
    slot: 'Saat',
    name: 'Ad soyad',
    phone: 'Cep telefonu (isteğe bağlı)',
    book: 'Randevu ver',
    booking: 'Kaydediliyor…',
    none: 'Randevu alınabilen hizmet yok.',
    noSlots: 'Bu günde boş saat yok.',
    done: (time: string) => `Randevu verildi: ${time}`,
    code: 'Giriş kodu',
    link: 'Randevu bağlantısı',
    today: 'Bugünün randevuları',
    search: 'Ada göre ara',
    noRows: 'Randevu yok.',
    time: 'Saat',
    who: 'Ad',
    status: 'Durum',
    ticket: 'Sıra no',
    cancel: 'İptal et',
    statuses: {
      booked: 'Bekleniyor',
      cancelled: 'İptal',
      'checked-in': 'Geldi',
      'no-show': 'Gelmedi',
    },
    error: (f: CallFailure) =>
      f.field === 'body.phone' || f.field === 'phone'
        ? 'Cep telefonu 0532 123 45 67 gibi olmalı.'
        : f.field === 'body.name' || f.field === 'name'
          ? 'Ad en az 2 karakter olmalı.'
          : failureText('tr', f),
  },
  en: {
    heading: 'Booking by phone',
    service: 'Service',
    day: 'Day',
    slot: 'Time',
    name: 'Full name',
    phone: 'Mobile (optional)',
    book: 'Book',
    booking: 'Saving…',
    none: 'No service takes appointments.',
    noSlots: 'No free time on this day.',
    done: (time: string) => `Booked: ${time}`,
    code: 'Check-in code',
    link: 'Booking link',
    today: "Today's appointments",
    search: 'Search by name',
    noRows: 'No appointments.',
    time: 'Time',
    who: 'Name',
    status: 'Status',
    ticket: 'Ticket',
    cancel: 'Cancel',
    statuses: {
      booked: 'Expected',
      cancelled: 'Cancelled',
      'checked-in': 'Arrived',
      'no-show': 'Did not come',
    },
    error: (f: CallFailure) =>
      f.field === 'body.phone' || f.field === 'phone'
        ? 'The mobile number must look like 0532 123 45 67.'
        : f.field === 'body.name' || f.field === 'name'
          ? 'The name needs at least 2 characters.'
          : failureText('en', f),
  },
};

/** The 10-digit check-in code as read aloud: `123 456 7890`. */
const grouped = (c: string) => `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6)}`;

/**
 * Staff book a slot for a visitor who phones in (only free places, as on the citizen page) and
 * see today's bookings of the hall, searched by name, cancelling one that is still booked.
 * Shared by the counter and the manager pages.
 */
@customElement('staff-booking')
export class StaffBooking extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 10px 14px;
      align-items: end;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 600;
    }
    input,
    select,
    button {
      font: inherit;
      min-height: 40px;
      box-sizing: border-box;
    }
    form input,
    form select {
      width: 100%;
    }
    .error {
      color: #a4161a;
      font-weight: 600;
    }
    .done {
      border: 2px solid #2b8a3e;
      border-radius: 8px;
      padding: 8px 12px;
      margin: 12px 0;
    }
    .code {
      font-size: 1.6rem;
      font-weight: 700;
      letter-spacing: 0.05em;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin-top: 8px;
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid #ccc;
    }
    h2,
    h3 {
      margin: 12px 0 8px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `;

  /** The staff member's hall. */
  @property() hallId = '';
  /** The interface language. */
  @property() language: Lang = 'tr';

  @state() private _services: Service[] = [];
  @state() private _serviceId = '';
  @state() private _days: string[] = [];
  @state() private _day = '';
  @state() private _slots: string[] = [];
  @state() private _time = '';
  @state() private _name = '';
  @state() private _phone = '';
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _made: BookingView | null = null;
  @state() private _rows: Row[] = [];
  @state() private _query = '';
  @state() private _listError = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this._loadServices();
    void this._loadList();
  }

  private get _params() {
    return { hallId: this.hallId };
  }

  private async _loadServices(): Promise<void> {
    const r = await call(SERVICES, { params: this._params });
    if (!r.ok) return void (this._error = TEXT[this.language].error(r));
    this._services = r.data;
    if (r.data[0]) await this._pickService(r.data[0].serviceId);
  }

  private async _pickService(serviceId: string): Promise<void> {
    this._serviceId = serviceId;
    this._days = [];
    this._slots = [];
    const r = await call(DAYS, { params: this._params, query: { serviceId } });
    if (!r.ok) return void (this._error = TEXT[this.language].error(r));
    this._days = r.data.days.filter((d) => d.closed === null && d.free > 0).map((d) => d.day);
    await this._pickDay(this._days[0] ?? '');
  }

  private async _pickDay(day: string): Promise<void> {
    this._day = day;
    this._slots = [];
    this._time = '';
    if (!day) return;
    const r = await call(SLOTS, {
      params: this._params,
      query: { serviceId: this._serviceId, day },
    });
    if (!r.ok) return void (this._error = TEXT[this.language].error(r));
    this._slots = r.data.slots.map((s) => s.time);
    this._time = this._slots[0] ?? '';
  }

  private async _loadList(): Promise<void> {
    const r = await call(LIST, { params: this._params, query: {} });
    if (!r.ok) return void (this._listError = TEXT[this.language].error(r));
    this._listError = '';
    this._rows = r.data;
  }

  private async _book(e: Event): Promise<void> {
    e.preventDefault();
    if (this._busy || !this._time) return;
    this._busy = true;
    this._error = '';
    const r = await call(BOOK, {
      params: this._params,
      body: {
        serviceId: this._serviceId,
        day: this._day,
        time: this._time,
        name: this._name,
        phone: phoneOrNull(this._phone),
        lang: this.language,
      },
    });
    this._busy = false;
    if (!r.ok) {
      this._error = TEXT[this.language].error(r);
      if (r.code === 'slot-full') await this._pickDay(this._day);
      return;
    }
    this._made = r.data;
    this._name = '';
    this._phone = '';
    await Promise.all([this._pickDay(this._day), this._loadList()]);
  }

  private async _cancel(row: Row): Promise<void> {
    const r = await call(CANCEL, { params: { hallId: this.hallId, bookingId: row.id } });
    if (!r.ok) return void (this._listError = TEXT[this.language].error(r));
    await Promise.all([this._loadList(), this._pickDay(this._day)]);
  }

  override render() {
    const t = TEXT[this.language];
    const serviceName = (id: string) =>
      this._services.find((s) => s.serviceId === id)?.name[this.language] ?? id;
    const rows = this._rows.filter((r) => nameMatches(r.name, this._query));
    const made = this._made;
    return html`
      <h2>${t.heading}</h2>
      ${this._services.length === 0 && !this._error ? html`<p>${t.none}</p>` : nothing}
      <form @submit=${this._book} aria-describedby="booking-error">
        <label
          >${t.service}
          <select
            aria-label=${t.service}
            @change=${(e: Event) => void this._pickService((e.target as HTMLSelectElement).value)}
          >
            ${this._services.map(
              (s) =>
                html`<option value=${s.serviceId} ?selected=${s.serviceId === this._serviceId}>
                  ${s.name[this.language]}
                </option>`,
            )}
          </select>
        </label>
        <label
          >${t.day}
          <select
            aria-label=${t.day}
            @change=${(e: Event) => void this._pickDay((e.target as HTMLSelectElement).value)}
          >
            ${this._days.map(
              (d) => html`<option value=${d} ?selected=${d === this._day}>${d}</option>`,
            )}
          </select>
        </label>
        <label
          >${t.slot}
          <select
            aria-label=${t.slot}
            @change=${(e: Event) => (this._time = (e.target as HTMLSelectElement).value)}
            ?disabled=${this._slots.length === 0}
          >
            ${this._slots.map(
              (s) => html`<option value=${s} ?selected=${s === this._time}>${s}</option>`,
            )}
          </select>
        </label>
        <label
          >${t.name}
          <input
            aria-label=${t.name}
            required
            minlength="2"
            maxlength="80"
            autocomplete="off"
            .value=${this._name}
            @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label
          >${t.phone}
          <input
            aria-label=${t.phone}
            type="tel"
            autocomplete="off"
            .value=${this._phone}
            @input=${(e: Event) => (this._phone = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" ?disabled=${this._busy || !this._time}>
          ${this._busy ? t.booking : t.book}
        </button>
      </form>
      ${this._day && this._slots.length === 0 ? html`<p>${t.noSlots}</p>` : nothing}
      <p id="booking-error" class="error" role="alert">${this._error}</p>
      ${
        made
          ? html`<div class="done" role="status" data-testid="booking-made">
              <p>${t.done(`${made.day} ${made.time} · ${made.name}`)}</p>
              <p>
                ${t.code}:
                <span class="code" data-testid="booking-code">${grouped(made.checkInCode)}</span>
              </p>
              <p>
                ${t.link}: <span data-testid="booking-link">${location.origin}${made.url}</span>
              </p>
            </div>`
          : nothing
      }
      <h3>${t.today}</h3>
      <label
        >${t.search}
        <input
          aria-label=${t.search}
          type="search"
          .value=${this._query}
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        />
      </label>
      <p class="error" role="alert">${this._listError}</p>
      ${
        rows.length === 0
          ? html`<p>${t.noRows}</p>`
          : html`<table data-testid="booking-list">
              <thead>
                <tr>
                  <th scope="col">${t.time}</th>
                  <th scope="col">${t.service}</th>
                  <th scope="col">${t.who}</th>
                  <th scope="col">${t.status}</th>
                  <th scope="col">${t.ticket}</th>
                  <th scope="col"><span class="visually-hidden">${t.cancel}</span></th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) =>
                    html`<tr data-booking=${r.id}>
                      <td>${r.time}</td>
                      <td>${serviceName(r.serviceId)}</td>
                      <td>${r.name}</td>
                      <td>${t.statuses[r.status]}</td>
                      <td>${r.ticketNumber ?? ''}</td>
                      <td>
                        ${
                          r.status === 'booked'
                            ? html`<button
                                type="button"
                                aria-label=${`${t.cancel}: ${r.time} ${r.name}`}
                                @click=${() => void this._cancel(r)}
                              >
                                ${t.cancel}
                              </button>`
                            : nothing
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-booking': StaffBooking;
  }
}
