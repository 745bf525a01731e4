import type { Lang } from '../../contract/domain.js';

/**
 * The case ending a Turkish clock time takes, by the last word said aloud ("14:20" is "on dört
 * yirmi": yirmi'de; "14:05" is "on dört beş": beş'ten; "15:00" is "on beş": beş'te).
 */
const ENDING: Record<string, 'de' | 'da' | 'te' | 'ta'> = {
  '0': 'da', // sıfır
  '1': 'de', // bir
  '2': 'de', // iki
  '3': 'te', // üç
  '4': 'te', // dört
  '5': 'te', // beş
  '6': 'da', // altı
  '7': 'de', // yedi
  '8': 'de', // sekiz
  '9': 'da', // dokuz
  '10': 'da', // on
  '20': 'de', // yirmi
  '30': 'da', // otuz
  '40': 'ta', // kırk
  '50': 'de', // elli
};

/** `14:20'de` (at) or, with `n`, `14:05'ten` (from). */
export function trTime(time: string, from = false): string {
  const [h = '0', m = '00'] = time.split(':');
  const n = m === '00' ? Number(h) : Number(m);
  const last = n % 10 !== 0 || n === 0 ? String(n % 10) : String(n % 100 === 0 ? 0 : n);
  const ending = ENDING[last] ?? 'de';
  return `${time}'${ending}${from ? 'n' : ''}`;
}

/** The kiosk's appointment check-in texts. Turkish first, English second. */
const tr = {
  entry: 'Randevum var',
  entryHint: 'Randevu kodunuzla giriş yapın',
  title: 'Randevu kodunuzu girin',
  hint: 'Randevu sayfanızdaki 10 haneli kodu yazın ya da QR kodunu okutucuya gösterin.',
  codeLabel: 'Randevu kodu',
  keypad: 'Rakam tuşları',
  erase: 'Sil',
  eraseLabel: 'Son rakamı sil',
  submit: 'Giriş yap',
  checking: 'Randevunuz kontrol ediliyor…',
  back: 'Geri',
  tryAgain: 'Kodu yeniden girin',
  home: 'Ana ekrana dön',
  walkIn: 'Normal sıra al',
  tooEarlyTitle: 'Giriş saatiniz henüz gelmedi',
  tooEarly: (slot: string | null, opens: string | null): string =>
    slot && opens
      ? `Randevunuz ${trTime(slot)}; ${trTime(opens, true)} itibaren giriş yapabilirsiniz.`
      : opens
        ? `${trTime(opens, true)} itibaren giriş yapabilirsiniz.`
        : 'Randevu saatinizden en çok 15 dakika önce giriş yapabilirsiniz.',
  tooLateTitle: 'Giriş süresi geçti',
  tooLate: (slot: string | null): string =>
    slot
      ? `Saat ${trTime(slot)}ki randevunuzun giriş süresi doldu. İsterseniz aynı işlem için normal sıra alabilirsiniz.`
      : 'Randevunuzun giriş süresi doldu. İsterseniz normal sıra alabilirsiniz.',
  alreadyTitle: 'Giriş zaten yapıldı',
  already: 'Bu randevu ile giriş yapılmış; sıra numaranız verildi. Ekranı takip edin.',
  notFoundTitle: 'Randevu bulunamadı',
  notFound: 'Bu kodla bir randevu yok. Kodu kontrol edip yeniden girin.',
  cancelledTitle: 'Randevu geçerli değil',
  cancelled: 'Bu randevu iptal edilmiş. Normal sıra alabilirsiniz.',
  otherTitle: 'Giriş yapılamadı',
  other: 'Bir sorun oluştu. Lütfen yeniden deneyin veya görevliye başvurun.',
  unreachable: 'Sunucuya ulaşılamıyor. Lütfen biraz sonra yeniden deneyin.',
  mark: (time: string): string => `Randevu ${time}`,
};

export type CheckInCatalogue = typeof tr;

const en: CheckInCatalogue = {
  entry: 'I have an appointment',
  entryHint: 'Check in with your appointment code',
  title: 'Enter your appointment code',
  hint: 'Type the 10-digit code from your appointment page, or show its QR code to the scanner.',
  codeLabel: 'Appointment code',
  keypad: 'Number keys',
  erase: 'Delete',
  eraseLabel: 'Delete the last digit',
  submit: 'Check in',
  checking: 'Checking your appointment…',
  back: 'Back',
  tryAgain: 'Enter the code again',
  home: 'Back to the start',
  walkIn: 'Take a normal ticket',
  tooEarlyTitle: 'It is too early to check in',
  tooEarly: (slot, opens) =>
    slot && opens
      ? `Your appointment is at ${slot}; you can check in from ${opens}.`
      : opens
        ? `You can check in from ${opens}.`
        : 'You can check in at most 15 minutes before your appointment.',
  tooLateTitle: 'Check-in time has passed',
  tooLate: (slot) =>
    slot
      ? `The check-in time of your ${slot} appointment is over. You can take a normal ticket for the same service.`
      : 'The check-in time of your appointment is over. You can take a normal ticket.',
  alreadyTitle: 'Already checked in',
  already: 'This appointment has already checked in and has its ticket. Watch the screen.',
  notFoundTitle: 'Appointment not found',
  notFound: 'There is no appointment with this code. Check it and enter it again.',
  cancelledTitle: 'Appointment not valid',
  cancelled: 'This appointment was cancelled. You can take a normal ticket.',
  otherTitle: 'Could not check in',
  other: 'Something went wrong. Please try again or ask a member of staff.',
  unreachable: 'The server cannot be reached. Please try again shortly.',
  mark: (time) => `Appointment ${time}`,
};

export function checkInText(lang: Lang): CheckInCatalogue {
  return lang === 'en' ? en : tr;
}
