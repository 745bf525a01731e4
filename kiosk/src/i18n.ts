import type { Lang, PriorityGroup } from '../../contract/domain.js';

/** Every user-facing string of the kiosk and the phone page. Turkish first, English second. */

const numberFormat = new Intl.NumberFormat('tr-TR');
/** Numbers are written the Turkish way in both languages (the hall is in Türkiye). */
export const num = (n: number): string => numberFormat.format(n);

/** Errors the kiosk and the phone page explain in plain words. */
export type FriendlyError =
  | 'network'
  | 'timeout'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate-limited'
  | 'service-inactive'
  | 'no-open-counter'
  | 'service-not-found'
  | 'ticket-not-found'
  | 'invalid-transition'
  | 'storage-unavailable'
  | 'other';

const tr = {
  langName: 'Türkçe',
  langSwitch: 'Dil seçimi',
  appName: 'Sıramatik',

  // Kiosk: start and service screens
  chooseService: 'İşleminizi seçin',
  chooseServiceHint: 'Sıra numarası almak için işleminize dokunun',
  waiting: (n: number): string => (n === 0 ? 'Sırada kimse yok' : `${num(n)} kişi bekliyor`),
  wait: (minutes: number): string => (minutes <= 0 ? 'Beklemeden' : `yaklaşık ${num(minutes)} dk`),
  /** An uncertain estimate: "8–12 dk". */
  waitRange: (min: number, max: number): string => `${num(min)}–${num(max)} dk`,
  serviceClosed: 'Şu anda bu hizmet verilmiyor',
  noOpenCounter: 'Şu an açık banko yok',
  noOpenCounterRefused: 'Şu an açık banko yok · Sıra verilmiyor',
  servicesLabel: 'Hizmetler',
  moreServices: 'Diğer işlemler için kaydırın',
  backToTop: 'Başa dön',
  priorityPath: 'Öncelikli sıra',
  priorityPathHint: '65 yaş üstü, engelli, hamile, gazi ve şehit yakını',
  priorityTitle: 'Öncelik durumunuzu seçin',
  priorityHint: 'Görevli, bankoda belge veya kimlik isteyebilir.',
  priorityGroups: {
    elderly: '65 yaş ve üstü',
    disabled: 'Engelli',
    pregnant: 'Hamile',
    veteran: 'Gazi ve şehit yakını',
  } satisfies Record<PriorityGroup, string>,
  priorityChosen: (group: string): string => `Öncelikli sıra: ${group}`,
  back: 'Geri',
  issuing: 'Biletiniz hazırlanıyor…',

  // Kiosk: confirmation
  yourNumber: 'Sıra numaranız',
  ahead: (n: number): string => (n === 0 ? 'Sıradaki sizsiniz' : `Önünüzde ${num(n)} kişi var`),
  placeLabel: 'Sıra durumu',
  estimatedWait: 'Tahmini bekleme',
  scanQr: 'Sıranızı telefonunuzdan takip etmek için QR kodu okutun',
  qrAlt: (n: string): string => `${n} numaralı biletin durum sayfası için QR kod`,
  printing: 'Biletiniz yazdırılıyor…',
  printed: 'Biletiniz yazdırıldı, lütfen alınız.',
  printFailed: 'Bilet yazdırılamadı. Numaranızı not alın veya QR kodu okutun.',
  noPrinter: 'Numaranızı not alın veya QR kodu telefonunuzla okutun.',
  ok: 'Tamam',
  returning: (s: number): string => `${num(s)} saniye sonra ana ekrana dönülecek`,
  callMethod: 'Numaranız ekranda ve anonsla çağrılacak',

  // Kiosk: help for visitors who see poorly or not at all
  helpBar: 'Yardım',
  largeText: 'Büyük yazı / Yüksek karşıtlık',
  audioGuide: 'Sesli yardım',
  audioGuideOff: 'Sesli yardımı kapat',
  zones: {
    previous: 'Önceki',
    next: 'Sonraki',
    repeat: 'Tekrar dinle',
    choose: 'Seç',
  },
  audioOptionOf: (i: number, n: number): string => `${n} seçenekten ${i}.`,
  audioIntro:
    'Sesli yardım açıldı. Ekran dört büyük bölüme ayrıldı. Sol üst: önceki seçenek. Sağ üst: sonraki seçenek. Sol alt: tekrar dinle. Sağ alt: seç. Sesli yardımı kapatmak için ekranın en alt kenarındaki sol düğmeye dokunun.',
  audioStart: 'İşleminizi seçin.',
  audioPriority: 'Öncelik durumunuzu seçin. Görevli, bankoda belge veya kimlik isteyebilir.',
  audioServicesAfterPriority: (group: string): string =>
    `Öncelikli sıra: ${group}. Şimdi işleminizi seçin.`,
  audioService: (name: string, figures: string): string => `${name}. ${figures}.`,
  audioPriorityOption: 'Öncelikli sıra: 65 yaş üstü, engelli, hamile, gazi ve şehit yakını.',
  audioSwitchLang: 'English: switch to English.',
  audioExit: 'Sesli yardımı kapat.',
  audioBack: 'Geri dön.',
  audioIssuing: 'Biletiniz hazırlanıyor, lütfen bekleyin.',
  audioTicket: (spokenNumber: string, service: string, ahead: string, wait: string): string =>
    `Biletiniz alındı. Sıra numaranız: ${spokenNumber}. ${service}. ${ahead}. Tahmini bekleme: ${wait}.`,
  audioDone:
    'Bitirmek için sağ alt köşeye dokunun. Numaranızı tekrar dinlemek için sol alt köşeye dokunun.',
  audioFinish: 'Tamam, bitir.',

  // Kiosk: device state
  connecting: 'Bağlanıyor…',
  unpairedTitle: 'Bu kiosk eşleştirilmemiş',
  unpairedBody:
    'Bilet verilemiyor. Lütfen görevliye haber verin: yönetici, eşleştirme bağlantısını bu cihazda açmalıdır.',
  unreachableTitle: 'Sunucuya ulaşılamıyor',
  unreachableBody: 'Şu anda bilet verilemiyor. Yeniden bağlanılıyor…',

  errors: {
    network: 'Sunucuya ulaşılamıyor. Bilet verilemedi, lütfen biraz sonra tekrar deneyin.',
    timeout: 'Sunucu yanıt vermedi. Lütfen tekrar deneyin.',
    unauthenticated: 'Bu kiosk eşleştirilmemiş.',
    forbidden: 'Bu cihaz bilet vermeye yetkili değil. Lütfen görevliye başvurun.',
    'rate-limited': 'Çok sayıda istek yapıldı. Lütfen bir dakika sonra tekrar deneyin.',
    'service-inactive': 'Bu hizmet şu anda verilmiyor. Lütfen başka bir işlem seçin.',
    'no-open-counter':
      'Bu hizmete şu an açık banko yok, sıra verilmiyor. Lütfen daha sonra deneyin.',
    'service-not-found': 'Bu hizmet bulunamadı. Lütfen başka bir işlem seçin.',
    'ticket-not-found': 'Bu bilet bulunamadı.',
    'invalid-transition': 'Bu bilet için bu işlem artık yapılamıyor.',
    'storage-unavailable': 'Sistemde geçici bir sorun var. Lütfen görevliye başvurun.',
    other: 'Bir sorun oluştu. Lütfen tekrar deneyin veya görevliye başvurun.',
  } satisfies Record<FriendlyError, string>,
  dismiss: 'Kapat',

  // Phone page
  phoneTitle: 'Sıra durumunuz',
  liveOn: 'Canlı takip',
  liveOff: 'Bağlantı koptu, yeniden bağlanılıyor…',
  calledTitle: 'Sıranız geldi!',
  goToCounter: (n: number): string => `${num(n)} numaralı bankoya gelin`,
  serving: (n: number): string => `${num(n)} numaralı bankoda hizmet alıyorsunuz`,
  done: 'İşleminiz tamamlandı. Teşekkür ederiz.',
  cancelled: 'Sıradan çıktınız. Bu numara artık geçerli değil.',
  noShow: 'Çağrıldınız ancak bankoya gelmediniz. Lütfen danışmaya başvurun.',
  notifyAsk: 'Çağrıldığımda bildirim gönder',
  notifyOn: 'Çağrıldığınızda bildirim alacaksınız.',
  notifyDenied: 'Bildirimlere izin verilmedi. Bu sayfayı açık tutun.',
  notifyNeedsHttps:
    'Bildirimler yalnızca güvenli (https://) adreste çalışır. Bildirim almak için salonun https:// ile başlayan adresini kullanın; şimdilik bu sayfayı açık tutun.',
  notificationTitle: 'Sıranız geldi',
  notificationBody: (number: string, counter: number): string =>
    `${number}: ${num(counter)} numaralı bankoya gelin`,
  rateHeading: 'Hizmetimizi değerlendirin',
  rateStars: (n: number) => `${n} / 5`,
  rateLabels: ['Çok kötü', 'Kötü', 'Orta', 'İyi', 'Çok iyi'],
  rateComment: 'Yorumunuz (isteğe bağlı)',
  rateSend: 'Gönder',
  rateThanks: 'Değerlendirmeniz için teşekkür ederiz.',
  leave: 'Sıradan çık',
  leaveConfirm: 'Sıradan çıkmak istediğinize emin misiniz? Numaranız iptal edilecek.',
  leaveYes: 'Evet, sıradan çık',
  leaveNo: 'Vazgeç',
  notFoundTitle: 'Bilet bulunamadı',
  notFoundBody:
    'Bu bağlantı hatalı ya da süresi dolmuş olabilir. Biletler yalnızca alındıkları gün geçerlidir.',

  // SMS when the turn nears (phone page form, kiosk keypad): phone-sms-form.ts, kiosk-sms-keypad.ts
  sms: {
    offer: 'Sıranız yaklaşınca SMS ile haber verelim',
    kioskButton: 'SMS ile haber ver',
    heading: 'SMS ile haber verelim',
    phone: 'Cep telefonu numaranız',
    phoneHint: 'Örnek: 0532 123 45 67',
    consent:
      'Numaramın yalnızca bu sıra için, sıram yaklaşınca bir SMS göndermek üzere kullanılmasını kabul ediyorum.',
    kvkk: 'KVKK: Numaranız başka hiçbir amaçla kullanılmaz, görevliler göremez ve gün sonunda silinir.',
    send: 'SMS ile haber ver',
    cancel: 'Vazgeç',
    sending: 'Gönderiliyor…',
    requested: 'Sıranız yaklaşınca verdiğiniz numaraya SMS göndereceğiz.',
    withdraw: 'SMS isteğini geri al',
    withdrawn: 'SMS isteğiniz geri alındı; numaranız kullanılmayacak.',
    sent: 'Sıranız yaklaştı: SMS gönderildi.',
    badPhone: 'Lütfen 05 ile başlayan 11 haneli bir cep telefonu numarası girin.',
    needConsent: 'SMS gönderebilmemiz için onay kutusunu işaretleyin.',
    off: 'Bu salon şu an SMS ile haber vermiyor.',
    notWaiting: 'SMS yalnızca sırada beklerken istenebilir.',
    keypadTitle: 'Cep telefonu numaranızı girin',
    keypadDelete: 'Sil',
    keypadDigit: (d: string): string => `Rakam ${d}`,
    done: 'Tamam. Sıranız yaklaşınca SMS göndereceğiz.',
    closesIn: (s: number): string => `Ekran ${s} sn içinde kapanacak`,
  },
};

export type Catalogue = typeof tr;

const en: Catalogue = {
  langName: 'English',
  langSwitch: 'Language',
  appName: 'Sıramatik',

  chooseService: 'Choose your service',
  chooseServiceHint: 'Tap your service to take a number',
  waiting: (n) =>
    n === 0 ? 'No one waiting' : n === 1 ? '1 person waiting' : `${num(n)} people waiting`,
  wait: (minutes) => (minutes <= 0 ? 'No wait' : `about ${num(minutes)} min`),
  waitRange: (min, max) => `${num(min)}–${num(max)} min`,
  serviceClosed: 'Not available right now',
  servicesLabel: 'Services',
  moreServices: 'Scroll for more services',
  noOpenCounter: 'No counter open right now',
  noOpenCounterRefused: 'No counter open right now · No tickets',
  backToTop: 'Back to top',
  priorityPath: 'Priority queue',
  priorityPathHint: 'Aged 65+, disabled, pregnant, veterans and martyrs’ relatives',
  priorityTitle: 'Choose your priority group',
  priorityHint: 'The clerk may ask for a document or ID at the counter.',
  priorityGroups: {
    elderly: 'Aged 65 or over',
    disabled: 'Disabled',
    pregnant: 'Pregnant',
    veteran: 'Veteran or martyr’s relative',
  },
  priorityChosen: (group) => `Priority queue: ${group}`,
  back: 'Back',
  issuing: 'Preparing your ticket…',

  yourNumber: 'Your number',
  ahead: (n) =>
    n === 0 ? 'You are next' : n === 1 ? '1 person ahead of you' : `${num(n)} people ahead of you`,
  placeLabel: 'Your place in line',
  estimatedWait: 'Estimated wait',
  scanQr: 'Scan the QR code to follow your turn on your phone',
  qrAlt: (n) => `QR code for the status page of ticket ${n}`,
  printing: 'Printing your ticket…',
  printed: 'Your ticket has been printed, please take it.',
  printFailed: 'The ticket could not be printed. Note your number or scan the QR code.',
  noPrinter: 'Note your number or scan the QR code with your phone.',
  ok: 'OK',
  returning: (s) => `Returning to the start screen in ${num(s)} s`,
  callMethod: 'Your number will be shown on the screen and announced',

  helpBar: 'Help',
  largeText: 'Large text / High contrast',
  audioGuide: 'Audio guide',
  audioGuideOff: 'Turn off audio guide',
  zones: {
    previous: 'Previous',
    next: 'Next',
    repeat: 'Repeat',
    choose: 'Choose',
  },
  audioOptionOf: (i, n) => `Choice ${i} of ${n}.`,
  audioIntro:
    'Audio guide on. The screen is split into four large parts. Top left: previous choice. Top right: next choice. Bottom left: repeat. Bottom right: choose. To turn the audio guide off, touch the left button along the bottom edge of the screen.',
  audioStart: 'Choose your service.',
  audioPriority:
    'Choose your priority group. The clerk may ask for a document or ID at the counter.',
  audioServicesAfterPriority: (group) => `Priority queue: ${group}. Now choose your service.`,
  audioService: (name, figures) => `${name}. ${figures}.`,
  audioPriorityOption:
    'Priority queue: aged 65 or over, disabled, pregnant, veterans and martyrs’ relatives.',
  audioSwitchLang: 'Türkçe: Türkçeye geç.',
  audioExit: 'Turn off the audio guide.',
  audioBack: 'Go back.',
  audioIssuing: 'Preparing your ticket, please wait.',
  audioTicket: (spokenNumber, service, ahead, wait) =>
    `Your ticket is issued. Your number is ${spokenNumber}. ${service}. ${ahead}. Estimated wait: ${wait}.`,
  audioDone:
    'To finish, touch the bottom right corner. To hear your number again, touch the bottom left corner.',
  audioFinish: 'OK, finish.',

  connecting: 'Connecting…',
  unpairedTitle: 'This kiosk is not paired',
  unpairedBody:
    'Tickets cannot be issued. Please tell a member of staff: an administrator must open the pairing link on this device.',
  unreachableTitle: 'Cannot reach the server',
  unreachableBody: 'Tickets cannot be issued right now. Reconnecting…',

  errors: {
    network: 'Cannot reach the server. No ticket was issued; please try again shortly.',
    timeout: 'The server did not answer. Please try again.',
    unauthenticated: 'This kiosk is not paired.',
    forbidden: 'This device may not issue tickets. Please ask a member of staff.',
    'rate-limited': 'Too many requests. Please try again in a minute.',
    'service-inactive': 'This service is not available right now. Please choose another.',
    'service-not-found': 'This service was not found. Please choose another.',
    'ticket-not-found': 'This ticket was not found.',
    'no-open-counter':
      'No counter serving this is open right now, so no ticket was issued. Please try later.',
    'invalid-transition': 'This can no longer be done for this ticket.',
    'storage-unavailable': 'The system has a temporary problem. Please ask a member of staff.',
    other: 'Something went wrong. Please try again or ask a member of staff.',
  },
  dismiss: 'Close',

  phoneTitle: 'Your place in line',
  liveOn: 'Live',
  liveOff: 'Connection lost, reconnecting…',
  calledTitle: 'It is your turn!',
  goToCounter: (n) => `Please go to counter ${num(n)}`,
  serving: (n) => `You are being served at counter ${num(n)}`,
  done: 'Your visit is complete. Thank you.',
  cancelled: 'You left the queue. This number is no longer valid.',
  noShow: 'You were called but did not come to the counter. Please ask at the information desk.',
  notifyAsk: 'Notify me when I am called',
  notifyOn: 'You will get a notification when you are called.',
  notifyDenied: 'Notifications are not allowed. Keep this page open.',
  notifyNeedsHttps:
    'Notifications work only on a secure (https://) address. Use the hall’s address that starts with https:// to get them; for now, keep this page open.',
  notificationTitle: 'It is your turn',
  notificationBody: (number, counter) => `${number}: please go to counter ${num(counter)}`,
  rateHeading: 'Rate our service',
  rateStars: (n: number) => `${n} / 5`,
  rateLabels: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
  rateComment: 'Your comment (optional)',
  rateSend: 'Send',
  rateThanks: 'Thank you for your feedback.',
  leave: 'I am leaving',
  leaveConfirm: 'Are you sure you want to leave the queue? Your number will be cancelled.',
  leaveYes: 'Yes, leave the queue',
  leaveNo: 'Stay in line',
  notFoundTitle: 'Ticket not found',
  notFoundBody:
    'This link is wrong or has expired. Tickets are valid only on the day they are taken.',

  sms: {
    offer: 'Get a text message when your turn is near',
    kioskButton: 'Text me',
    heading: 'Get a text message',
    phone: 'Your mobile number',
    phoneHint: 'Example: 0532 123 45 67',
    consent:
      'I agree that my number is used only to send one text message about this ticket when my turn is near.',
    kvkk: 'KVKK (data protection): your number is used for nothing else, staff cannot see it, and it is erased at the end of the day.',
    send: 'Text me',
    cancel: 'Cancel',
    sending: 'Sending…',
    requested: 'We will text the number you gave when your turn is near.',
    withdraw: 'Cancel the text message',
    withdrawn: 'Your request is withdrawn; your number will not be used.',
    sent: 'Your turn is near: the text message has been sent.',
    badPhone: 'Please enter an 11-digit mobile number starting with 05.',
    needConsent: 'Please tick the box so that we may send the text message.',
    off: 'This hall does not send text messages right now.',
    notWaiting: 'A text message can be asked for only while waiting.',
    keypadTitle: 'Enter your mobile number',
    keypadDelete: 'Delete',
    keypadDigit: (d) => `Digit ${d}`,
    done: 'Done. We will text you when your turn is near.',
    closesIn: (s) => `This screen closes in ${s} s`,
  },
};

const catalogues: Record<Lang, Catalogue> = { tr, en };

/** The strings of one language. */
export function t(lang: Lang): Catalogue {
  return catalogues[lang];
}
