import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  BOOKING_LIMITS,
  DEFAULT_HALL_BOOKING,
  WEEKDAYS,
  hallBookingSettings,
  putHallBookingSettings,
  putServiceBooking,
  serviceBookingSettings,
  type HallBookingSettings,
  type ServiceBookingSettings,
  type Weekday,
} from '../../contract/bookings.js';
import { call } from '../../contract/client.js';
import type { Hall, Lang, Service } from '../../contract/domain.js';
import { checkField, inputField, numberOf } from '../../ui/settings-fields.js';
import { editForm, rowActions, settingsCard, settingsTable } from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import {
  NO_BOOKING,
  hoursLines,
  nationalHolidaysText,
  parseClosedDays,
  parseSpans,
} from './manager-bookings-hours.js';
import { managerEditor } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { schemaProblems } from './state/settings-validation.js';

/** The settings overview carries the booking settings of the hall and its services. */
export type BookingHall = Hall & { booking?: HallBookingSettings };
export type BookingService = Service & { booking?: ServiceBookingSettings };

type HallNumber = Exclude<keyof HallBookingSettings, 'closedDays'>;
type HallDraft = Record<HallNumber, number> & { closedDays: string };
type ServiceDraft = {
  enabled: boolean;
  hours: Record<Weekday, string>;
  slotMinutes: string;
  perSlot: number;
};

const TEXT = {
  tr: {
    hallHeading: 'Randevu kuralları',
    hallIntro:
      'Salonun randevu kuralları. Yapılmış randevular saatlerini korur; değişiklik yeni randevulara uygulanır.',
    checkInEarlyMinutes: 'Girişe en erken (dakika önce)',
    checkInLateMinutes: 'Girişe en geç (dakika sonra)',
    horizonDays: 'Kaç gün ilerisi',
    leadMinutes: 'Son değişiklik (dakika önce)',
    maxPerContact: 'Kişi başı en çok randevu',
    retentionDays: 'Ad ve telefon saklama (gün)',
    closedDays: 'Ek kapalı günler',
    closedDaysHelp: 'YYYY-AA-GG, virgülle ya da satır satır (dini bayramlar, yerel tatiller).',
    holidays: 'Resmî tatiller (her yıl kapalı, değiştirilemez)',
    servicesHeading: 'Randevulu hizmetler',
    enabled: 'Randevu alınır',
    hours: 'Saatler',
    hoursHelp: 'Örnek: 09:00-12:00, 13:00-17:00 (boş: o gün randevu yok)',
    slotMinutes: 'Randevu süresi (dakika)',
    slotHelp: (n: number) => `Boş: hizmetin hedef süresi (${n} dk).`,
    perSlot: 'Aynı saatte kaç kişi',
    service: 'Hizmet',
    editBookings: 'Randevu ayarları',
    spanFormat: 'Her aralık SS:DD-SS:DD olmalı, virgülle ayrılmış.',
    weekdays: {
      mon: 'Pazartesi',
      tue: 'Salı',
      wed: 'Çarşamba',
      thu: 'Perşembe',
      fri: 'Cuma',
      sat: 'Cumartesi',
      sun: 'Pazar',
    },
  },
  en: {
    hallHeading: 'Appointment rules',
    hallIntro:
      "The hall's appointment rules. Bookings already made keep their slot; changes apply to new ones.",
    checkInEarlyMinutes: 'Check-in opens (minutes before)',
    checkInLateMinutes: 'Check-in closes (minutes after)',
    horizonDays: 'Days ahead',
    leadMinutes: 'Last change (minutes before)',
    maxPerContact: 'Most bookings per person',
    retentionDays: 'Keep name and phone (days)',
    closedDays: 'Extra closed days',
    closedDaysHelp: 'YYYY-MM-DD, by commas or one a line (religious and local holidays).',
    holidays: 'National holidays (closed every year, fixed)',
    servicesHeading: 'Services taking appointments',
    enabled: 'Takes appointments',
    hours: 'Hours',
    hoursHelp: 'E.g. 09:00-12:00, 13:00-17:00 (empty: no appointments that day)',
    slotMinutes: 'Slot length (minutes)',
    slotHelp: (n: number) => `Empty: the service's target (${n} min).`,
    perSlot: 'People per slot',
    service: 'Service',
    editBookings: 'Appointment settings',
    spanFormat: 'Each span as HH:MM-HH:MM, separated by commas.',
    weekdays: {
      mon: 'Monday',
      tue: 'Tuesday',
      wed: 'Wednesday',
      thu: 'Thursday',
      fri: 'Friday',
      sat: 'Saturday',
      sun: 'Sunday',
    },
  },
} as const;

const hallDraftOf = (b: HallBookingSettings): HallDraft => ({
  ...b,
  closedDays: b.closedDays.join(', '),
});

const serviceDraftOf = (b: ServiceBookingSettings): ServiceDraft => ({
  enabled: b.enabled,
  hours: hoursLines(b.hours) as Record<Weekday, string>,
  slotMinutes: b.slotMinutes === null ? '' : String(b.slotMinutes),
  perSlot: b.perSlot,
});

const HALL_NUMBERS: ReadonlyArray<{ id: HallNumber; min: number; max: number }> = (
  [
    'checkInEarlyMinutes',
    'checkInLateMinutes',
    'horizonDays',
    'leadMinutes',
    'maxPerContact',
    'retentionDays',
  ] as const
).map((id) => ({ id, ...BOOKING_LIMITS[id] }));

/**
 * Appointments (randevu) in the settings: the hall's rules (check-in window, horizon, lead
 * time, per-person limit, retention, extra closed days; the national holidays shown) and, per
 * service, whether it takes bookings, its hours per weekday, slot length and places per slot.
 * Checked with the contract's schemas before sending, like the other sections.
 */
@customElement('manager-settings-bookings')
export class ManagerSettingsBookings extends LitElement {
  static override styles = settingsStyles;

  private _hall = managerEditor(this, hallDraftOf(DEFAULT_HALL_BOOKING), () => {
    const t = TEXT[this.language];
    return Object.fromEntries(
      [...HALL_NUMBERS.map((n) => n.id), 'closedDays'].map((k) => [k, t[k as HallNumber]]),
    );
  });
  private _service = managerEditor(this, serviceDraftOf(NO_BOOKING), () => {
    const t = TEXT[this.language];
    return { enabled: t.enabled, hours: t.hours, slotMinutes: t.slotMinutes, perSlot: t.perSlot };
  });

  @property({ attribute: false }) hall!: BookingHall;
  @property({ attribute: false }) services: BookingService[] = [];
  @property() language: Lang = 'tr';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hall') && this.hall && !this._hall.busy) {
      this._hall.draft = hallDraftOf(this.hall.booking ?? DEFAULT_HALL_BOOKING);
    }
  }

  override render() {
    if (!this.hall) return nothing;
    return html`${this._renderHall()} ${this._renderServices()}`;
  }

  private _renderHall() {
    const t = TEXT[this.language];
    const e = this._hall;
    const d = e.draft;
    return settingsCard(e, {
      id: 'booking-hall-heading',
      heading: t.hallHeading,
      intro: t.hallIntro,
      body: editForm(e, {
        cancel: false,
        onSubmit: () => void this._saveHall(d),
        fields: html`
          ${HALL_NUMBERS.map((n) =>
            inputField({
              id: n.id,
              label: t[n.id],
              type: 'number',
              min: n.min,
              max: n.max,
              value: d[n.id],
              problem: e.problem(n.id),
              onInput: (v) => e.set({ [n.id]: numberOf(v) }),
            }),
          )}
          ${inputField({
            id: 'closedDays',
            label: t.closedDays,
            value: d.closedDays,
            help: t.closedDaysHelp,
            wide: true,
            problem: e.problem('closedDays'),
            onInput: (v) => e.set({ closedDays: v }),
          })}
          <p class="muted wide" id="holidays">
            <strong>${t.holidays}:</strong> ${nationalHolidaysText(this.language)}
          </p>
        `,
      }),
    });
  }

  private _renderServices() {
    const t = TEXT[this.language];
    const m = messages(this.language);
    const e = this._service;
    const settings = (s: BookingService) => s.booking ?? NO_BOOKING;
    return settingsCard(e, {
      id: 'booking-services-heading',
      heading: t.servicesHeading,
      body: html`${e.editing ? this._renderServiceForm() : nothing}
      ${settingsTable({
        key: 'booking-service',
        id: (s) => s.id,
        off: (s) => !settings(s).enabled,
        rows: this.services.filter((s) => s.active),
        columns: [
          {
            label: t.service,
            cell: (s) => `${s.prefix} · ${s.name[this.language]}`,
            rowHeader: true,
          },
          { label: t.enabled, cell: (s) => (settings(s).enabled ? m.yes : m.no) },
          {
            label: t.slotMinutes,
            cell: (s) => settings(s).slotMinutes ?? s.targetMinutes,
            num: true,
          },
          { label: t.perSlot, cell: (s) => settings(s).perSlot, num: true },
          {
            label: m.actions,
            cell: (s) =>
              rowActions(s.name[this.language], [
                {
                  label: t.editBookings,
                  onClick: () => e.open(s.id, serviceDraftOf(settings(s))),
                },
              ]),
          },
        ],
      })}`,
    });
  }

  private _renderServiceForm() {
    const t = TEXT[this.language];
    const e = this._service;
    const d = e.draft;
    const service = this.services.find((s) => s.id === e.editing);
    if (!service) return nothing;
    return editForm(e, {
      id: 'booking-service-form',
      heading: `${t.editBookings}: ${service.name[this.language]}`,
      onSubmit: () => void this._saveService(service, d),
      fields: html`
        ${checkField({
          id: 'enabled',
          label: t.enabled,
          checked: d.enabled,
          onChange: (v) => e.set({ enabled: v }),
        })}
        ${inputField({
          id: 'slotMinutes',
          label: t.slotMinutes,
          type: 'number',
          ...BOOKING_LIMITS.slotMinutes,
          value: d.slotMinutes,
          help: t.slotHelp(service.targetMinutes),
          problem: e.problem('slotMinutes'),
          onInput: (v) => e.set({ slotMinutes: v }),
        })}
        ${inputField({
          id: 'perSlot',
          label: t.perSlot,
          type: 'number',
          ...BOOKING_LIMITS.perSlot,
          value: d.perSlot,
          problem: e.problem('perSlot'),
          onInput: (v) => e.set({ perSlot: numberOf(v) }),
        })}
        <p class="muted wide">${t.hours}: ${t.hoursHelp}</p>
        ${WEEKDAYS.map((w) =>
          inputField({
            id: `hours.${w}`,
            label: t.weekdays[w],
            value: d.hours[w],
            problem: e.problem(`hours.${w}`),
            onInput: (v) => e.set({ hours: { ...e.draft.hours, [w]: v } }),
          }),
        )}
      `,
    });
  }

  private async _saveHall(d: HallDraft): Promise<void> {
    const body: HallBookingSettings = { ...d, closedDays: parseClosedDays(d.closedDays) };
    await this._hall.save({
      problems: schemaProblems(hallBookingSettings, body),
      send: () => call(putHallBookingSettings, { params: { hallId: this.hall.id }, body }),
    });
  }

  private async _saveService(service: BookingService, d: ServiceDraft): Promise<void> {
    const t = TEXT[this.language];
    const spans = Object.fromEntries(WEEKDAYS.map((w) => [w, parseSpans(d.hours[w])]));
    const unread = WEEKDAYS.filter((w) => spans[w] === null);
    const body = {
      enabled: d.enabled,
      hours: Object.fromEntries(WEEKDAYS.map((w) => [w, spans[w] ?? []])),
      slotMinutes: d.slotMinutes.trim() === '' ? null : numberOf(d.slotMinutes),
      perSlot: d.perSlot,
    } as ServiceBookingSettings;
    const problems: Record<string, string> = schemaProblems(serviceBookingSettings, body);
    for (const w of unread) problems[`hours.${w}`] = t.spanFormat;
    // A weekday's problem shows at its field, whichever span of it is wrong.
    for (const key of Object.keys(problems)) {
      const m = /^hours\.(\w+)\.\d+/.exec(key);
      if (m) {
        problems[`hours.${m[1]}`] ??= problems[key]!;
        delete problems[key];
      }
    }
    await this._service.save({
      problems,
      send: () => call(putServiceBooking, { params: { serviceId: service.id }, body }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-bookings': ManagerSettingsBookings;
  }
}
