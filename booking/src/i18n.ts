import type { Lang } from '../../contract/domain.js';
import type { BookingView } from '../../contract/bookings.js';

/** Every user-facing string of the booking page. Turkish first, English second. */

const numberFormat = new Intl.NumberFormat('tr-TR');
const num = (n: number): string => numberFormat.format(n);

export type ClosedReason = 'holiday' | 'closed-day' | 'no-hours' | 'full' | 'past';
export type BookingStatus = BookingView['status'];

/** Errors explained in plain words; anything else is `other`. */
export type BookingError =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'slot-full'
  | 'booking-not-found'
  | 'booking-closed'
  | 'booking-limit'
  | 'booking-not-changeable'
  | 'validation'
  | 'storage-unavailable'
  | 'other';

const tr = {
  langSwitch: 'Dil seçimi',
  appName: 'Sıramatik',
  pageTitle: 'Randevu al',
  ownTitle: 'Randevunuz',
  loading: 'Yükleniyor…',
  back: 'Geri',
  retry: 'Yeniden dene',
  steps: (n: number, of: number): string => `Adım ${num(n)} / ${num(of)}`,

  chooseHall: 'Hizmet binasını seçin',
  chooseService: 'Hangi işlem için randevu almak istiyorsunuz?',
  noServices: 'Şu anda randevu verilen bir işlem yok.',
  slotLength: (minutes: number): string => `${num(minutes)} dakikalık randevu`,

  chooseDay: 'Bir gün seçin',
  freeCount: (n: number): string => (n === 1 ? '1 boş yer' : `${num(n)} boş yer`),
  closed: {
    holiday: 'Resmî tatil',
    'closed-day': 'Kapalı',
    'no-hours': 'Kapalı',
    full: 'Dolu',
    past: 'Geçti',
  } satisfies Record<ClosedReason, string>,
  noDays: 'Önümüzdeki günlerde randevu verilmiyor.',

  chooseSlot: 'Bir saat seçin',
  slotsOf: (day: string): string => `${day} için boş saatler`,
  noSlots: 'Bu gün boş saat kalmadı. Başka bir gün seçin.',
  slotsRefreshed: 'Boş saatler güncellendi.',
  slotTaken: 'Seçtiğiniz saat az önce doldu. Lütfen başka bir saat seçin; liste güncellendi.',
  freeInSlot: (n: number): string => (n === 1 ? '1 yer' : `${num(n)} yer`),

  detailsTitle: 'Bilgileriniz',
  chosen: (service: string, day: string, time: string): string =>
    `${service} · ${day} · saat ${time}`,
  nameLabel: 'Adınız soyadınız',
  phoneLabel: 'Cep telefonunuz (isteğe bağlı)',
  phoneHint: 'Örnek: 0532 123 45 67',
  privacy: (days: number): string =>
    `Yalnızca adınız ve isteğe bağlı cep telefonunuz kaydedilir; randevudan ${num(days)} gün sonra silinir.`,
  book: 'Randevuyu al',
  booking: 'Randevunuz alınıyor…',
  nameError: 'Adınızı yazın (en az 2, en çok 80 harf).',
  phoneError: 'Cep telefonu numarasını 0532 123 45 67 biçiminde yazın ya da boş bırakın.',

  doneTitle: 'Randevunuz alındı',
  checkInCode: 'Giriş kodunuz',
  qrAlt: (code: string): string => `Giriş kodu ${code} için QR kod`,
  whenLabel: 'Tarih ve saat',
  serviceLabel: 'İşlem',
  nameShown: 'Ad',
  linkLabel: 'Randevunuzun bağlantısı',
  linkHint:
    'Bu bağlantıyı saklayın: randevunuzu buradan görebilir, iptal edebilir veya başka saate taşıyabilirsiniz.',
  share: 'Bağlantıyı paylaş',
  copied: 'Bağlantı kopyalandı.',
  atHall: (early: number, late: number): string =>
    `Randevu saatinden ${num(early)} dk önce ile ${num(late)} dk sonrası arasında kiosktaki 'Randevum var' ile giriş yapın.`,
  atHallWindow: (from: string, until: string): string => `Giriş saatleri: ${from} – ${until}`,

  status: {
    booked: 'Randevunuz geçerli',
    'checked-in': 'Giriş yapıldı',
    cancelled: 'İptal edildi',
    'no-show': 'Gelinmedi (süresi geçti)',
  } satisfies Record<BookingStatus, string>,
  past: 'Randevu saati geçti',
  ticketLine: (n: string): string => `Sıra numaranız: ${n}`,
  cancel: 'İptal et',
  cancelAsk: 'Randevunuzu iptal etmek istediğinize emin misiniz?',
  cancelYes: 'Evet, iptal et',
  cancelNo: 'Vazgeç',
  cancelled: 'Randevunuz iptal edildi.',
  move: 'Başka saate taşı',
  moveTitle: 'Yeni gün ve saat',
  moveConfirm: (day: string, time: string): string => `${day} saat ${time} olarak taşı`,
  moved: 'Randevunuz taşındı.',
  notChangeable: 'Randevu saatine az kaldığı için artık değiştirilemez.',
  newBooking: 'Yeni randevu al',
  notFoundTitle: 'Randevu bulunamadı',
  notFoundBody:
    'Bağlantı hatalı olabilir ya da randevunun süresi dolup bilgileri silinmiş olabilir.',

  errors: {
    network: 'Sunucuya ulaşılamadı. İnternet bağlantınızı kontrol edip yeniden deneyin.',
    timeout: 'Sunucu zamanında yanıt vermedi. Lütfen yeniden deneyin.',
    'rate-limited': 'Çok fazla deneme yapıldı. Birkaç dakika sonra yeniden deneyin.',
    'slot-full': 'Bu saatte yer kalmadı; başka bir saat seçin.',
    'booking-not-found': 'Randevu bulunamadı.',
    'booking-closed': 'Bu gün veya saat için randevu verilmiyor. Başka bir saat seçin.',
    'booking-limit':
      'Bu telefon numarasıyla (veya bu bağlantıdan) alınabilecek en çok randevu sayısına ulaşıldı.',
    'booking-not-changeable': 'Bu randevu artık değiştirilemez.',
    validation: 'Girdiğiniz bilgileri kontrol edin.',
    'storage-unavailable': 'Sistem şu anda kayıt alamıyor. Biraz sonra yeniden deneyin.',
    other: 'Bir sorun oluştu. Lütfen yeniden deneyin.',
  } satisfies Record<BookingError, string>,
};

export type Catalogue = typeof tr;

const en: Catalogue = {
  langSwitch: 'Language',
  appName: 'Sıramatik',
  pageTitle: 'Book an appointment',
  ownTitle: 'Your appointment',
  loading: 'Loading…',
  back: 'Back',
  retry: 'Try again',
  steps: (n, of) => `Step ${n} of ${of}`,

  chooseHall: 'Choose the service hall',
  chooseService: 'What would you like an appointment for?',
  noServices: 'No service takes appointments at the moment.',
  slotLength: (minutes) => `${minutes}-minute appointment`,

  chooseDay: 'Choose a day',
  freeCount: (n) => (n === 1 ? '1 place free' : `${num(n)} places free`),
  closed: {
    holiday: 'Public holiday',
    'closed-day': 'Closed',
    'no-hours': 'Closed',
    full: 'Full',
    past: 'Past',
  },
  noDays: 'No appointments are given in the coming days.',

  chooseSlot: 'Choose a time',
  slotsOf: (day) => `Free times on ${day}`,
  noSlots: 'No free time is left on this day. Choose another day.',
  slotsRefreshed: 'The free times were updated.',
  slotTaken: 'The time you chose has just been taken. Please choose another; the list is updated.',
  freeInSlot: (n) => (n === 1 ? '1 place' : `${num(n)} places`),

  detailsTitle: 'Your details',
  chosen: (service, day, time) => `${service} · ${day} · at ${time}`,
  nameLabel: 'Your full name',
  phoneLabel: 'Your mobile number (optional)',
  phoneHint: 'Example: 0532 123 45 67',
  privacy: (days) =>
    `Only your name and, if you give it, your mobile number are stored; they are deleted ${num(days)} days after the appointment.`,
  book: 'Book the appointment',
  booking: 'Booking your appointment…',
  nameError: 'Type your name (2 to 80 letters).',
  phoneError: 'Type the mobile number as 0532 123 45 67, or leave it empty.',

  doneTitle: 'Your appointment is booked',
  checkInCode: 'Your check-in code',
  qrAlt: (code) => `QR code for the check-in code ${code}`,
  whenLabel: 'Date and time',
  serviceLabel: 'Service',
  nameShown: 'Name',
  linkLabel: 'Link to your appointment',
  linkHint: 'Keep this link: you can view, cancel or move your appointment there.',
  share: 'Share the link',
  copied: 'The link was copied.',
  atHall: (early, late) =>
    `Check in at the kiosk with 'I have an appointment' between ${num(early)} minutes before and ${num(late)} minutes after your appointment time.`,
  atHallWindow: (from, until) => `Check-in times: ${from} – ${until}`,

  status: {
    booked: 'Your appointment is valid',
    'checked-in': 'Checked in',
    cancelled: 'Cancelled',
    'no-show': 'Missed (check-in time passed)',
  },
  past: 'The appointment time has passed',
  ticketLine: (n) => `Your ticket number: ${n}`,
  cancel: 'Cancel',
  cancelAsk: 'Do you really want to cancel your appointment?',
  cancelYes: 'Yes, cancel it',
  cancelNo: 'Keep it',
  cancelled: 'Your appointment was cancelled.',
  move: 'Move to another time',
  moveTitle: 'New day and time',
  moveConfirm: (day, time) => `Move to ${day} at ${time}`,
  moved: 'Your appointment was moved.',
  notChangeable: 'It is too close to the appointment time to change it.',
  newBooking: 'Book a new appointment',
  notFoundTitle: 'Appointment not found',
  notFoundBody:
    'The link may be wrong, or the appointment is long past and its details were deleted.',

  errors: {
    network: 'The server cannot be reached. Check your connection and try again.',
    timeout: 'The server did not answer in time. Please try again.',
    'rate-limited': 'Too many attempts. Try again in a few minutes.',
    'slot-full': 'No place left at this time; choose another.',
    'booking-not-found': 'Appointment not found.',
    'booking-closed': 'This day or time takes no appointments. Choose another time.',
    'booking-limit':
      'This phone number (or this connection) already holds the most appointments allowed.',
    'booking-not-changeable': 'This appointment can no longer be changed.',
    validation: 'Check the details you entered.',
    'storage-unavailable': 'The system cannot take bookings right now. Try again shortly.',
    other: 'Something went wrong. Please try again.',
  },
};

const CATALOGUES: Record<Lang, Catalogue> = { tr, en };

export function t(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}
