import type { Lang } from '../contract/domain.js';
import type { ErrorCode } from '../contract/errors.js';

/** An error as a staff page shows it: a server code, the network, or a request the page cancelled. */
export type StaffErrorCode = ErrorCode | 'network' | 'aborted';

const tr = {
  network: 'Sunucuya ulaşılamıyor. Bağlantıyı kontrol edip yeniden deneyin.',
  aborted: 'İşlem iptal edildi.',
  validation: 'Girilen bilgi geçersiz.',
  'payload-too-large': 'Girilen bilgi çok uzun.',
  unauthenticated: 'Oturumunuz sona erdi.',
  'invalid-credentials': 'Kullanıcı adı veya parola hatalı.',
  forbidden: 'Bu işlem için yetkiniz yok.',
  'forbidden-origin': 'Bu istek başka bir sayfadan geldiği için reddedildi. Sayfayı yenileyin.',
  'password-change-required': 'Devam etmek için önce parolanızı değiştirin.',
  'rate-limited': 'Çok fazla deneme yapıldı. Biraz bekleyip yeniden deneyin.',
  'not-found': 'Bulunamadı.',
  'hall-not-found': 'Salon bulunamadı.',
  'service-not-found': 'Hizmet bulunamadı.',
  'counter-not-found': 'Banko bulunamadı.',
  'ticket-not-found': 'Sıra bulunamadı.',
  'queue-empty': 'Bekleyen kimse yok.',
  'invalid-transition': 'Bu işlem şu an yapılamaz.',
  'counter-taken': 'Bu banko başka bir personel tarafından kullanılıyor.',
  'counter-not-open': 'Banko açık değil.',
  'counter-busy': 'Bankoda süren bir ziyaret var.',
  'service-inactive': 'Bu hizmet şu an sıra vermiyor.',
  'no-open-counter': 'Bu hizmete şu an açık banko yok; sıra verilmiyor.',
  'grace-expired': 'Geri alma süresi doldu.',
  'slot-full': 'Bu saatte yer kalmadı; başka bir saat seçin.',
  'booking-not-found': 'Randevu bulunamadı.',
  'booking-closed': 'Bu gün ya da saat için randevu alınamıyor.',
  'booking-limit': 'Bu telefon numarasıyla alınabilecek en çok randevu sayısına ulaşıldı.',
  'booking-not-changeable': 'Bu randevu artık değiştirilemez.',
  'check-in-too-early': 'Randevu girişi için henüz erken.',
  'check-in-too-late': 'Randevu giriş süresi geçti.',
  'booking-already-checked-in': 'Bu randevu ile zaten sıra alındı.',
  'sms-off': 'Bu salon sıra yaklaşınca SMS göndermiyor.',
  conflict: 'Bu, var olan bir kayıtla çakışıyor ya da kayıt bu arada değişti.',
  'too-many-rows':
    'Bu aralıkta bir Excel sayfasına sığmayacak kadar çok ziyaret var. Daha kısa bir aralık seçin ya da CSV indirin.',
  'storage-unavailable': 'Sunucu kaydı şu an yapamıyor. Biraz sonra yeniden deneyin.',
  internal: 'Sunucuda bir hata oluştu.',
} satisfies Record<StaffErrorCode, string>;

const en: Record<StaffErrorCode, string> = {
  network: 'The server cannot be reached. Check the connection and try again.',
  aborted: 'Cancelled.',
  validation: 'The input is not valid.',
  'payload-too-large': 'What was entered is too long.',
  unauthenticated: 'Your session expired.',
  'invalid-credentials': 'Wrong user name or password.',
  forbidden: 'You may not do this.',
  'forbidden-origin': 'Refused: the request came from another page. Reload this page.',
  'password-change-required': 'Change your password first to continue.',
  'rate-limited': 'Too many attempts. Wait a moment and try again.',
  'not-found': 'Not found.',
  'hall-not-found': 'Hall not found.',
  'service-not-found': 'Service not found.',
  'counter-not-found': 'Counter not found.',
  'ticket-not-found': 'Ticket not found.',
  'queue-empty': 'Nobody is waiting.',
  'invalid-transition': 'This cannot be done right now.',
  'counter-taken': 'This counter is in use by another clerk.',
  'counter-not-open': 'The counter is not open.',
  'counter-busy': 'A visit is in progress at the counter.',
  'service-inactive': 'This service is not taking tickets now.',
  'no-open-counter': 'No open counter serves this now; no tickets are issued.',
  'grace-expired': 'The time to undo has passed.',
  'slot-full': 'No place left at this time; choose another.',
  'booking-not-found': 'Appointment not found.',
  'booking-closed': 'Appointments cannot be booked for this day or time.',
  'booking-limit': 'This phone number already holds the most appointments allowed.',
  'booking-not-changeable': 'This appointment can no longer be changed.',
  'check-in-too-early': 'It is too early to check in for this appointment.',
  'check-in-too-late': 'The check-in time for this appointment has passed.',
  'booking-already-checked-in': 'This appointment has already been checked in.',
  'sms-off': 'This hall sends no SMS when the turn nears.',
  conflict: 'This clashes with an existing entry, or the entry changed meanwhile.',
  'too-many-rows':
    'This range holds more visits than one Excel sheet can take. Choose a shorter range or download the CSV.',
  'storage-unavailable': 'The server cannot save right now. Try again shortly.',
  internal: 'Something went wrong on the server.',
};

/**
 * The staff pages' one catalogue of error texts, keyed by the contract's error codes (Turkish
 * first). A page whose context says a code better (the counter's "finish the current visit")
 * spreads this and replaces that line.
 */
export const STAFF_ERRORS: Record<Lang, Record<StaffErrorCode, string>> = { tr, en };

/** Plain-language text for an error code; an unknown code reads as the generic server error. */
export function staffErrorText(lang: Lang, code: string): string {
  const errors: Record<string, string> = STAFF_ERRORS[lang];
  return errors[code] ?? errors.internal!;
}
