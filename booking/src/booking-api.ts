import {
  bookableServices,
  bookingDays,
  bookingSlots,
  cancelBooking,
  getBooking,
  makeBooking,
  moveBooking,
  type BookingView,
} from '../../contract/bookings.js';
import type { ReplyOf } from '../../contract/endpoint.js';
import { listHalls } from '../../contract/endpoints/halls.js';
import type { Lang } from '../../contract/domain.js';
import { call, type CallResult } from '../../contract/client.js';

/** A failed request: the error code (server's, or `network` / `timeout`) and its field. */
export interface Failure {
  ok: false;
  code: string;
  field?: string;
}
export type Result<T> = { ok: true; data: T } | Failure;

export type Halls = ReplyOf<typeof listHalls>;
export type BookableServices = ReplyOf<typeof bookableServices>;
export type BookingDays = ReplyOf<typeof bookingDays>;
export type BookingSlots = ReplyOf<typeof bookingSlots>;

/** Every request gives up after this long (a phone on a weak network). */
const OPTIONS = { timeoutMs: 15_000 };

async function done<T>(promise: Promise<CallResult<T>>): Promise<Result<T>> {
  const res = await promise;
  if (res.ok) return { ok: true, data: res.data };
  return res.field === undefined
    ? { ok: false, code: res.code }
    : { ok: false, code: res.code, field: res.field };
}

/** All of the booking page's server I/O, through the contract's endpoints. */
export const bookingApi = {
  halls: (): Promise<Result<Halls>> => done(call(listHalls, {}, OPTIONS)),
  services: (hallId: string): Promise<Result<BookableServices>> =>
    done(call(bookableServices, { params: { hallId } }, OPTIONS)),
  days: (hallId: string, serviceId: string): Promise<Result<BookingDays>> =>
    done(call(bookingDays, { params: { hallId }, query: { serviceId } }, OPTIONS)),
  slots: (hallId: string, serviceId: string, day: string): Promise<Result<BookingSlots>> =>
    done(call(bookingSlots, { params: { hallId }, query: { serviceId, day } }, OPTIONS)),
  book: (
    hallId: string,
    body: {
      serviceId: string;
      day: string;
      time: string;
      name: string;
      phone: string | null;
      lang: Lang;
    },
  ): Promise<Result<BookingView>> => done(call(makeBooking, { params: { hallId }, body }, OPTIONS)),
  get: (code: string): Promise<Result<BookingView>> =>
    done(call(getBooking, { params: { code } }, OPTIONS)),
  cancel: (code: string): Promise<Result<BookingView>> =>
    done(call(cancelBooking, { params: { code } }, OPTIONS)),
  move: (code: string, day: string, time: string): Promise<Result<BookingView>> =>
    done(call(moveBooking, { params: { code }, body: { day, time } }, OPTIONS)),
};
