import type { Lang } from '../../contract/domain.js';
import type {
  WebhookDeliveryKind,
  WebhookEventType,
  WebhookState,
} from '../../contract/webhooks.js';
import type { EventGroup } from './state/webhooks.js';

/** Ayarlar → Entegrasyonlar and its warning on the live page, in Turkish and English. */
const tr = {
  heading: 'Entegrasyonlar',
  intro:
    'Salonun olayları (sıra alındı, çağrıldı, banko açıldı, randevu alındı…) buraya eklenen adreslere imzalı JSON olarak gönderilir: çağrı merkezi, e-Belediye, SMS sağlayıcısı. Alıcı kapalıysa olaylar bekler, sırasıyla yeniden gönderilir; hiçbiri kaybolmaz.',
  readOnlyNote: 'Uç noktaları yalnızca yöneticiler (admin) ekleyip değiştirebilir.',
  add: 'Yeni uç nokta',
  none: 'Henüz uç nokta yok.',
  name: 'Ad',
  url: 'Adres (URL)',
  urlHelp: 'https://… ya da http://… Sorgu dizesindeki anahtarlar değişiklik kaydına yazılmaz.',
  events: 'Olaylar',
  eventsCount: (n: number) => `${n} olay`,
  status: 'Durum',
  nextAttempt: 'Sonraki deneme',
  lastSuccess: 'Son başarılı gönderim',
  personalData: 'Kişisel veri',
  personalDataLabel: 'Kişisel verileri de gönder (ad, telefon, not, öncelik grubu, personel)',
  personalDataWarning:
    'KVKK: Açıksa ziyaretçilerin adı, telefon numarası, notlar, öncelik grubu (sağlıkla ilgili olabilir) ve personel adları bu adrese gider. Yalnızca belediyenin veri işleme sözleşmesi olan bir sisteme açın; açmak değişiklik kaydına yazılır.',
  personalDataConfirm:
    'Kişisel verilerin bu adrese gönderilmesini onaylıyorum (KVKK kapsamında sözleşme var).',
  personalDataUnconfirmed: 'Kişisel veri gönderimini açmak için onay kutusunu işaretleyin.',
  noEvents: 'En az bir olay seçin.',
  urlInvalid:
    'http:// ya da https:// ile başlayan, kullanıcı adı, parola ve # içermeyen bir adres yazın.',
  personalYes: 'Gönderilir',
  personalNo: 'Gönderilmez',
  active: 'Gönderim açık',
  groups: { ticket: 'Sıra', counter: 'Gişe', booking: 'Randevu' } satisfies Record<
    EventGroup,
    string
  >,
  all: 'hepsi',
  allOf: (group: string) => `${group}: hepsi`,
  states: {
    ok: 'Çalışıyor',
    retrying: 'Yeniden deneniyor',
    failing: 'Hata veriyor',
    paused: 'Kapalı',
    idle: 'Henüz gönderim yok',
  } satisfies Record<WebhookState, string>,
  secretHeading: (name: string) => `${name}: imza anahtarı`,
  secretHelp:
    'Her gönderimin siramatik-signature başlığı t=<zaman>,v1=<HMAC-SHA256(anahtar, "<zaman>.<gövde>")> taşır; alıcı aynı hesabı yapıp sabit zamanlı karşılaştırır ve 5 dakikadan eski zamanı reddeder.',
  edit: 'Düzenle',
  rotate: 'Anahtarı yenile',
  confirmRotate: (name: string) =>
    `${name} için yeni anahtar üretilsin mi? Eski anahtar hemen geçersiz olur; alıcıyı da güncelleyin.`,
  remove: 'Sil',
  confirmRemove: (name: string) =>
    `${name} silinsin mi? Gönderilmemiş olaylar bu adrese hiç gönderilmez.`,
  removed: (name: string) => `${name} silindi.`,
  rotated: (name: string) => `${name}: yeni anahtar üretildi.`,
  test: 'Test gönder',
  retryNow: 'Şimdi dene',
  retryAsked: (name: string) => `${name}: bekleyen olay şimdi deneniyor.`,
  resend: 'Yeniden gönder',
  log: 'Gönderim kaydı',
  hideLog: 'Kaydı gizle',
  logHeading: (name: string) => `${name}: son gönderimler`,
  logEmpty: 'Henüz gönderim yok.',
  logCols: {
    at: 'Zaman',
    type: 'Olay',
    attempt: 'Deneme',
    http: 'HTTP',
    latency: 'Süre',
    error: 'Hata',
  },
  kinds: { event: '', test: 'test', resend: 'yeniden' } satisfies Record<
    WebhookDeliveryKind,
    string
  >,
  ms: (n: number) => `${n} ms`,
  sentOk: (name: string, status: number | null) => `${name}: alıcı kabul etti (HTTP ${status}).`,
  sentFailed: (name: string, error: string) => `${name}: gönderilemedi: ${error}`,
  lastError: 'Son hata',
  // The live page
  alertFailing: (n: number) =>
    n === 1 ? 'Bir entegrasyon hata veriyor' : `${n} entegrasyon hata veriyor`,
  alertRetrying: (n: number) =>
    n === 1 ? 'Bir entegrasyon yeniden deneniyor' : `${n} entegrasyon yeniden deneniyor`,
  openSection: 'Entegrasyonlara git',
  showIntegrations: (n: number) => `Entegrasyonlar (${n})`,
  hideIntegrations: 'Entegrasyonları gizle',
  eventTypes: {
    'ticket.issued': 'Sıra alındı',
    'ticket.called': 'Çağrıldı',
    'ticket.recalled': 'Yeniden çağrıldı',
    'ticket.started': 'Hizmet başladı',
    'ticket.completed': 'Tamamlandı',
    'ticket.no-show': 'Gelmedi',
    'ticket.restored': 'Geri alındı',
    'ticket.requeued': 'Sıraya geri kondu',
    'ticket.transferred': 'Aktarıldı',
    'ticket.cancelled': 'İptal edildi',
    'ticket.rated': 'Puanlandı',
    'ticket.turn-near': 'Sırası yaklaştı',
    'counter.opened': 'Banko açıldı',
    'counter.paused': 'Banko mola verdi',
    'counter.resumed': 'Banko devam etti',
    'counter.closed': 'Banko kapandı',
    'booking.made': 'Randevu alındı',
    'booking.moved': 'Randevu taşındı',
    'booking.cancelled': 'Randevu iptal edildi',
    'booking.checked-in': 'Randevuya giriş yapıldı',
    'webhook.test': 'Test',
  } satisfies Record<WebhookEventType | 'webhook.test', string>,
};

export type WebhookMessages = typeof tr;

const en: WebhookMessages = {
  heading: 'Integrations',
  intro:
    "The hall's events (ticket issued, called, counter opened, appointment booked…) are sent as signed JSON to the addresses added here: the contact centre, e-Belediye, an SMS provider. When a receiver is down, events wait and are sent again in order; none is lost.",
  readOnlyNote: 'Only admins may add or change endpoints.',
  add: 'New endpoint',
  none: 'No endpoints yet.',
  name: 'Name',
  url: 'Address (URL)',
  urlHelp: 'https://… or http://… Keys in the query string are not written to the change log.',
  events: 'Events',
  eventsCount: (n: number) => (n === 1 ? '1 event' : `${n} events`),
  status: 'Status',
  nextAttempt: 'Next try',
  lastSuccess: 'Last delivered',
  personalData: 'Personal data',
  personalDataLabel: 'Also send personal data (names, phone numbers, notes, priority group, staff)',
  personalDataWarning:
    "KVKK (data protection): when on, visitors' names, phone numbers, notes, priority group (may be health-related) and staff names go to this address. Turn it on only for a system under the municipality's data processing agreement; turning it on is written to the change log.",
  personalDataConfirm:
    'I confirm personal data may be sent to this address (there is a data processing agreement).',
  personalDataUnconfirmed: 'Tick the confirmation to turn personal data on.',
  noEvents: 'Choose at least one event.',
  urlInvalid:
    'Write an address starting with http:// or https://, without a user name, password or #.',
  personalYes: 'Sent',
  personalNo: 'Not sent',
  active: 'Sending on',
  groups: { ticket: 'Queue', counter: 'Counter', booking: 'Appointment' },
  all: 'all',
  allOf: (group: string) => `${group}: all`,
  states: {
    ok: 'Working',
    retrying: 'Retrying',
    failing: 'Failing',
    paused: 'Off',
    idle: 'Nothing sent yet',
  },
  secretHeading: (name: string) => `${name}: signing secret`,
  secretHelp:
    'Each delivery carries siramatik-signature: t=<time>,v1=<HMAC-SHA256(secret, "<time>.<body>")>; the receiver computes the same, compares in constant time and refuses a time older than 5 minutes.',
  edit: 'Edit',
  rotate: 'New secret',
  confirmRotate: (name: string) =>
    `Make a new secret for ${name}? The old one stops at once; update the receiver too.`,
  remove: 'Delete',
  confirmRemove: (name: string) =>
    `Delete ${name}? Events not yet delivered will never be sent to this address.`,
  removed: (name: string) => `${name} deleted.`,
  rotated: (name: string) => `${name}: new secret made.`,
  test: 'Send test',
  retryNow: 'Try now',
  retryAsked: (name: string) => `${name}: the waiting event is being tried now.`,
  resend: 'Resend',
  log: 'Delivery log',
  hideLog: 'Hide log',
  logHeading: (name: string) => `${name}: last deliveries`,
  logEmpty: 'Nothing sent yet.',
  logCols: {
    at: 'Time',
    type: 'Event',
    attempt: 'Try',
    http: 'HTTP',
    latency: 'Time taken',
    error: 'Error',
  },
  kinds: { event: '', test: 'test', resend: 'resent' },
  ms: (n: number) => `${n} ms`,
  sentOk: (name: string, status: number | null) =>
    `${name}: the receiver accepted it (HTTP ${status}).`,
  sentFailed: (name: string, error: string) => `${name}: not delivered: ${error}`,
  lastError: 'Last error',
  alertFailing: (n: number) =>
    n === 1 ? 'An integration is failing' : `${n} integrations are failing`,
  alertRetrying: (n: number) =>
    n === 1 ? 'An integration is retrying' : `${n} integrations are retrying`,
  openSection: 'Go to integrations',
  showIntegrations: (n: number) => `Integrations (${n})`,
  hideIntegrations: 'Hide integrations',
  eventTypes: {
    'ticket.issued': 'Ticket issued',
    'ticket.called': 'Called',
    'ticket.recalled': 'Called again',
    'ticket.started': 'Service started',
    'ticket.completed': 'Completed',
    'ticket.no-show': 'No-show',
    'ticket.restored': 'Restored',
    'ticket.requeued': 'Back in line',
    'ticket.transferred': 'Transferred',
    'ticket.cancelled': 'Cancelled',
    'ticket.rated': 'Rated',
    'ticket.turn-near': 'Turn near',
    'counter.opened': 'Counter opened',
    'counter.paused': 'Counter paused',
    'counter.resumed': 'Counter resumed',
    'counter.closed': 'Counter closed',
    'booking.made': 'Appointment booked',
    'booking.moved': 'Appointment moved',
    'booking.cancelled': 'Appointment cancelled',
    'booking.checked-in': 'Appointment checked in',
    'webhook.test': 'Test',
  },
};

export function webhookMessages(lang: Lang): WebhookMessages {
  return lang === 'en' ? en : tr;
}
