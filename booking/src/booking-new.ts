import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BookingView } from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';
import { bookingApi, type BookableServices } from './booking-api.js';
import {
  bookingError,
  dayLabel,
  detailsProblems,
  formField,
  phoneOrNull,
  type DetailsProblems,
} from './booking-format.js';
import type { SlotChoice } from './booking-slot-picker.js';
import { bookingStyles } from './booking-styles.js';
import { t, type BookingError } from './i18n.js';
import './booking-card.js';
import './booking-slot-picker.js';

type Step = 'service' | 'pick' | 'details' | 'done';
type Service = BookableServices[number];

/**
 * A new booking: the service, a day and a free time (`booking-slot-picker`), name and optional
 * mobile number, then the confirmation with the check-in code. Focus goes to each step's
 * heading; a 409 `slot-full` goes back to that day's times, read again.
 */
@customElement('booking-new')
export class BookingNew extends LitElement {
  static override styles = [bookingStyles];

  @property() hallId = '';
  @property() language: Lang = 'tr';

  @state() private _step: Step = 'service';
  @state() private _services: BookableServices | null = null;
  @state() private _service: Service | null = null;
  @state() private _choice: SlotChoice | null = null;
  @state() private _slotFull = false;
  @state() private _name = '';
  @state() private _phone = '';
  @state() private _problems: DetailsProblems = { name: false, phone: false };
  @state() private _error: BookingError | null = null;
  @state() private _busy = false;
  @state() private _booking: BookingView | null = null;

  override firstUpdated(): void {
    void this._loadServices();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('_step' as keyof BookingNew) && changed.get('_step' as keyof BookingNew))
      this.renderRoot.querySelector('h2')?.focus();
  }

  override render() {
    switch (this._step) {
      case 'service':
        return this._renderServices();
      case 'pick':
        return html`<booking-slot-picker
          .hallId=${this.hallId}
          .serviceId=${this._service?.serviceId ?? ''}
          .language=${this.language}
          .initialDay=${this._slotFull ? (this._choice?.day ?? null) : null}
          .notice=${this._slotFull ? 'slot-full' : null}
          @pick=${this._onPick}
          @back=${() => this._go('service')}
        ></booking-slot-picker>`;
      case 'details':
        return this._renderDetails();
      case 'done':
        return html`<h2 tabindex="-1" data-testid="done">${t(this.language).doneTitle}</h2>
          <div role="status" aria-live="polite">
            <booking-card .booking=${this._booking} .language=${this.language}></booking-card>
          </div>`;
    }
  }

  private _renderServices() {
    const text = t(this.language);
    const services = this._services;
    return html`<h2 tabindex="-1">${text.chooseService}</h2>
      ${
        services === null
          ? this._error
            ? this._renderError()
            : html`<p>${text.loading}</p>`
          : services.length === 0
            ? html`<p>${text.noServices}</p>`
            : html`<ul class="list" data-testid="services">
                ${services.map(
                  (s) =>
                    html`<li>
                      <button
                        type="button"
                        class="wide"
                        data-service=${s.serviceId}
                        @click=${() => this._chooseService(s)}
                      >
                        ${s.name[this.language]}
                        <span class="sub">${text.slotLength(s.slotMinutes)}</span>
                      </button>
                    </li>`,
                )}
              </ul>`
      }`;
  }

  private _renderDetails() {
    const text = t(this.language);
    const choice = this._choice;
    const service = this._service;
    if (!choice || !service) return null;
    return html`<button type="button" class="back" @click=${() => this._go('pick')}>
        ← ${text.back}
      </button>
      <h2 tabindex="-1">${text.detailsTitle}</h2>
      <p data-testid="chosen">
        ${text.chosen(service.name[this.language], dayLabel(choice.day, this.language), choice.time)}
      </p>
      <form class="card" novalidate @submit=${this._submit}>
        <p>
          <label for="name"><strong>${text.nameLabel}</strong></label
          ><br />
          <input
            id="name"
            name="name"
            autocomplete="name"
            maxlength="80"
            required
            .value=${this._name}
            aria-invalid=${this._problems.name ? 'true' : 'false'}
            aria-describedby=${this._problems.name ? 'name-error' : ''}
            @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)}
            style="width:100%;box-sizing:border-box;min-height:48px;font:inherit;padding:8px"
          />
          ${
            this._problems.name
              ? html`<span id="name-error" class="error">${text.nameError}</span>`
              : null
          }
        </p>
        <p>
          <label for="phone"><strong>${text.phoneLabel}</strong></label
          ><br />
          <input
            id="phone"
            name="phone"
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            maxlength="20"
            .value=${this._phone}
            aria-invalid=${this._problems.phone ? 'true' : 'false'}
            aria-describedby=${this._problems.phone ? 'phone-error phone-hint' : 'phone-hint'}
            @input=${(e: Event) => (this._phone = (e.target as HTMLInputElement).value)}
            style="width:100%;box-sizing:border-box;min-height:48px;font:inherit;padding:8px"
          />
          <span id="phone-hint" class="sub">${text.phoneHint}</span>
          ${
            this._problems.phone
              ? html`<span id="phone-error" class="error">${text.phoneError}</span>`
              : null
          }
        </p>
        <p data-testid="privacy">${text.privacy(service.retentionDays)}</p>
        ${this._error ? this._renderError() : null}
        <button type="submit" class="primary wide" ?disabled=${this._busy}>
          ${this._busy ? text.booking : text.book}
        </button>
      </form>`;
  }

  private _renderError() {
    return html`<p class="error" role="alert">
      ${t(this.language).errors[this._error ?? 'other']}
    </p>`;
  }

  private _go(step: Step): void {
    this._error = null;
    if (step !== 'pick') this._slotFull = false;
    this._step = step;
  }

  private async _loadServices(): Promise<void> {
    const res = await bookingApi.services(this.hallId);
    if (!res.ok) {
      this._error = bookingError(res.code);
      return;
    }
    this._error = null;
    this._services = res.data;
  }

  private _chooseService(service: Service): void {
    this._service = service;
    this._slotFull = false;
    this._go('pick');
  }

  private _onPick(e: CustomEvent<SlotChoice>): void {
    this._choice = e.detail;
    this._slotFull = false;
    this._go('details');
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this._busy || !this._choice || !this._service) return;
    this._problems = detailsProblems({ name: this._name, phone: this._phone });
    if (this._problems.name || this._problems.phone) {
      this._error = null;
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLInputElement>(this._problems.name ? '#name' : '#phone')
        ?.focus();
      return;
    }
    this._busy = true;
    this._error = null;
    const res = await bookingApi.book(this.hallId, {
      serviceId: this._service.serviceId,
      day: this._choice.day,
      time: this._choice.time,
      name: this._name.trim(),
      phone: phoneOrNull(this._phone),
      lang: this.language,
    });
    this._busy = false;
    if (res.ok) {
      this._booking = res.data;
      this._step = 'done';
      history.replaceState(history.state, '', res.data.url);
      return;
    }
    if (res.code === 'slot-full' || res.code === 'booking-closed') {
      // Another visitor took the last place (or the lead time passed): that day's times again.
      this._slotFull = true;
      this._step = 'pick';
      return;
    }
    const field = formField(res.field);
    if (res.code === 'validation' && field) {
      this._problems = { ...this._problems, [field]: true };
      return;
    }
    this._error = bookingError(res.code);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-new': BookingNew;
  }
}
