import * as z from 'zod/mini';
import { bookingName, mobilePhone, type BookingView } from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';
import type { BookingError } from './i18n.js';

/** The 10-digit check-in code as people read it aloud: `123 456 7890`. */
export function groupCheckInCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  if (digits.length !== 10) return digits.replace(/(\d{3})(?=\d)/g, '$1 ');
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** Which page the address asks for: a new booking (`/randevu`) or one booking's own page. */
export type BookingRoute = { kind: 'new' } | { kind: 'own'; code: string } | { kind: 'bad' };

export function bookingRoute(pathname: string): BookingRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/randevu') return { kind: 'new' };
  const match = /^\/randevu\/([^/]+)$/.exec(path);
  if (!match) return { kind: 'bad' };
  const code = decodeURIComponent(match[1]!);
  return /^[A-Za-z0-9_-]{16,64}$/.test(code) ? { kind: 'own', code } : { kind: 'bad' };
}

const DAY_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  tr: new Intl.DateTimeFormat('tr-TR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }),
};

/** A hall-local day (`2026-12-07`) as words: "7 Aralık Pazartesi" / "Monday 7 December". */
export function dayLabel(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return DAY_FORMATS[lang].format(new Date(Date.UTC(y, m - 1, d)));
}

/** `HH:MM` moved by some minutes, on a 24-hour clock (the check-in window's ends). */
export function shiftTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = ((((h ?? 0) * 60 + (m ?? 0) + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The kiosk's check-in window in the hall's local time, from the booking's own slot time. */
export function checkInWindow(view: BookingView): {
  from: string;
  until: string;
  early: number;
  late: number;
} {
  const early = Math.round((view.slotAt - view.checkInFrom) / 60_000);
  const late = Math.round((view.checkInUntil - view.slotAt) / 60_000);
  return {
    from: shiftTime(view.time, -early),
    until: shiftTime(view.time, late),
    early,
    late,
  };
}

/** A booking still `booked` whose check-in window has closed (the server calls it a no-show). */
export function isPast(view: BookingView, now: number): boolean {
  return view.status === 'booked' && now > view.checkInUntil;
}

const FRIENDLY: ReadonlySet<string> = new Set<BookingError>([
  'network',
  'timeout',
  'rate-limited',
  'slot-full',
  'booking-not-found',
  'booking-closed',
  'booking-limit',
  'booking-not-changeable',
  'validation',
  'storage-unavailable',
]);

/** Which plain-language explanation a failed request gets. */
export function bookingError(code: string): BookingError {
  if (code === 'not-found') return 'booking-not-found';
  if (code === 'aborted') return 'network';
  return FRIENDLY.has(code) ? (code as BookingError) : 'other';
}

/** The form field a server error belongs to (`name`, `phone`), or `null` for the whole form. */
export function formField(field: string | undefined): 'name' | 'phone' | null {
  if (field === undefined) return null;
  const first = field.split('.').pop();
  return first === 'name' || first === 'phone' ? first : null;
}

export interface DetailsInput {
  name: string;
  phone: string;
}

export interface DetailsProblems {
  name: boolean;
  phone: boolean;
}

/** Checks the form with the same schemas the server uses; an empty phone is no phone. */
export function detailsProblems(input: DetailsInput): DetailsProblems {
  const phone = input.phone.trim();
  return {
    name: !z.safeParse(bookingName, input.name).success,
    phone: phone !== '' && !z.safeParse(mobilePhone, phone).success,
  };
}

/** The phone as sent: `null` when left empty. */
export function phoneOrNull(phone: string): string | null {
  const trimmed = phone.trim();
  return trimmed === '' ? null : trimmed;
}

/** The booking's own page as an absolute link to bookmark or share. */
export function ownLink(origin: string, url: string): string {
  return new URL(url, origin).toString();
}
