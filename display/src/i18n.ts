/**
 * Every string the lobby display shows or speaks. The screen is read by everyone in the hall,
 * so it shows Turkish first with English beneath it, both at once.
 */
export interface Bilingual {
  tr: string;
  en: string;
}

const count = new Intl.NumberFormat('tr-TR');

export const text = {
  pageTitle: { tr: 'Sıramatik — Bekleme salonu ekranı', en: 'Sıramatik — Lobby display' },
  connecting: { tr: 'Bağlanıyor…', en: 'Connecting…' },
  reconnecting: { tr: 'Yeniden bağlanıyor…', en: 'Reconnecting…' },
  unpairedTitle: { tr: 'Bu ekran eşleştirilmemiş', en: 'This display is not paired' },
  unpairedHelp: {
    tr: 'Yöneticiden bu ekran için eşleştirme bağlantısını isteyin ve bağlantıyı bu ekranda açın.',
    en: 'Ask an administrator for this display’s pairing link and open it on this screen.',
  },
  soundPrompt: { tr: 'Sesi açmak için dokunun', en: 'Tap to enable sound' },
  soundHelp: {
    tr: 'Tarayıcı sesli anonsları engelledi. Bir kez dokunmanız yeterli.',
    en: 'The browser blocked spoken announcements. One tap is enough.',
  },
  ticket: { tr: 'Sıra No', en: 'Ticket' },
  /** Beside a booked visitor's number (checked in at the kiosk). */
  appointment: { tr: 'Randevu', en: 'Appointment' },
  counter: { tr: 'Banko', en: 'Counter' },
  currentCalls: { tr: 'Çağrılan sıralar', en: 'Now serving' },
  recentCalls: { tr: 'Son çağrılar', en: 'Recent calls' },
  noRecentCalls: { tr: 'Henüz çağrı yok', en: 'No calls yet' },
  waitingTitle: { tr: 'Bekleyenler', en: 'Waiting' },
  noCountersOpen: { tr: 'Şu anda açık banko yok', en: 'No counters are open right now' },
  counterFree: { tr: 'Boş', en: 'Free' },
  counterPaused: { tr: 'Ara', en: 'Break' },
  noneWaiting: { tr: 'Bekleyen yok', en: 'No one waiting' },
  waitingCount: (n: number): Bilingual => ({
    tr: `${count.format(n)} kişi`,
    en: `${count.format(n)} waiting`,
  }),
  /** An uncertain estimate: "8–12 dk". */
  estimatedWaitRange: (min: number, max: number): Bilingual => ({
    tr: `${count.format(min)}–${count.format(max)} dk`,
    en: `${count.format(min)}–${count.format(max)} min`,
  }),
  estimatedWait: (minutes: number): Bilingual => ({
    tr: `≈ ${count.format(minutes)} dk`,
    en: `≈ ${count.format(minutes)} min`,
  }),
  counterLabel: (n: number): Bilingual => ({
    tr: `${count.format(n)} numaralı banko`,
    en: `Counter ${count.format(n)}`,
  }),
  // A display set to one counter: its sign above the counter ("banko üstü ekran").
  signTitle: (n: number): Bilingual => ({
    tr: `Sıramatik — ${count.format(n)} numaralı banko`,
    en: `Sıramatik — Counter ${count.format(n)}`,
  }),
  signCalled: { tr: 'Lütfen bankoya gelin', en: 'Please come to the counter' },
  signServing: { tr: 'İşlemde', en: 'Being served' },
  signWaiting: { tr: 'Bekleyiniz', en: 'Please wait' },
  signClosed: { tr: 'Kapalı', en: 'Closed' },
  signPaused: { tr: 'Ara verildi', en: 'On a break' },
  signMissingTitle: { tr: 'Bu banko artık yok', en: 'This counter no longer exists' },
  signMissingHelp: {
    tr: 'Yöneticiden Ayarlar → Cihazlar bölümünde bu ekranın gösterimini değiştirmesini isteyin.',
    en: 'Ask an administrator to change what this screen shows in Settings → Devices.',
  },
  // What the display speaks (Turkish only, the voice is tr-TR) is in state/spoken-call.ts.
} as const;
