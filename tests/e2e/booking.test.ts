import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssuedTicket } from '../../contract/api.js';
import {
  DEFAULT_HALL_BOOKING,
  WEEKDAYS,
  type BookingView,
  type OpeningSpan,
  type Weekday,
} from '../../contract/bookings.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { describeProblems, layoutProblems } from '../support/layout-check.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const PHONE = { width: 360, height: 640 };
const KIOSK_4_3 = { width: 1280, height: 1024 };
const KIOSK_WIDE = { width: 1920, height: 1080 };

/** The server's clock: Tuesday 8 December 2026 in Istanbul, moved by the tests. */
const TUESDAY = '2026-12-08';
const at = (time: string): number => Date.parse(`${TUESDAY}T${time}:00+03:00`);
let skewMs = 0;
function setClock(time: string): void {
  skewMs = at(time) - Date.now();
}

/**
 * The cashier takes appointments every 10 minutes, one per slot; 10 December is closed. Every
 * booking here comes from one address (127.0.0.1), so the per-address limit is raised.
 */
function bookingConfig(): ConfigData {
  const config = defaultConfig();
  const hours = Object.fromEntries(
    WEEKDAYS.map((d): [Weekday, OpeningSpan[]] => [d, [{ from: '09:00', to: '17:00' }]]),
  ) as Record<Weekday, OpeningSpan[]>;
  config.services = config.services.map((s) =>
    s.id === 'vezne' ? { ...s, booking: { enabled: true, hours, slotMinutes: 10, perSlot: 1 } } : s,
  );
  config.halls = config.halls.map((h) => ({
    ...h,
    booking: { ...DEFAULT_HALL_BOOKING, closedDays: ['2026-12-10'], maxPerContact: 20 },
  }));
  return config;
}

let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }, mobile: boolean) {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: mobile });
  contexts.push(context);
  return context.newPage();
}

async function api<T>(server: TestServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function book(server: TestServer, time: string, name: string): Promise<BookingView> {
  const res = await api<BookingView>(server, 'POST', '/halls/cankaya/bookings', {
    serviceId: 'vezne',
    day: TUESDAY,
    time,
    name,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function issueWalkIn(server: TestServer): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId: 'vezne', lang: 'tr' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

/** A new user of the role, signed in: the session cookie. */
async function signIn(server: TestServer, role: 'clerk' | 'admin'): Promise<string> {
  const { username, password } = await server.addUser(role);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  return login.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** A signed-in admin's settings change through REST (expects 200). */
async function adminSets(server: TestServer, method: string, path: string, body: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: await signIn(server, 'admin') },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
}

/** A signed-in clerk driving a counter through REST; returns the ticket a command touched. */
async function clerk(server: TestServer) {
  const cookie = await signIn(server, 'clerk');
  return async (action: string, body: unknown = {}) => {
    const res = await fetch(`${server.url}/api/counters/banko-1/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    return ((await res.json()) as { ticket: { number: string } | null }).ticket;
  };
}

/** The tickets of the hall's queue today, in issue order. */
function queueTickets(server: TestServer) {
  return [...server.app.queues.hall('cankaya')!.state.tickets.values()];
}

async function axeClean(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The element focus is on, through the shadow roots: tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}`;
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('appointments', () => {
  let server: TestServer;

  beforeAll(async () => {
    setClock('10:00');
    server = await startTestServer({
      distDir: inject('distDir'),
      config: bookingConfig,
      now: () => Date.now() + skewMs,
    });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when a citizen books on a 360×640 phone and another takes their slot first, then the page says so, shows the times again without it, and the next booking gives a grouped code, a QR and its own link', async () => {
    setClock('10:00');
    const page = await newPage(PHONE, true);
    await page.goto(`${server.url}/randevu`);
    await page.locator('button[data-service="vezne"]').click();
    expect(await focused(page)).toMatch(/^H2 Bir gün seçin/);

    const today = page.locator(`button[data-day="${TUESDAY}"]`);
    await today.waitFor();
    expect(await today.isEnabled()).toBe(true);
    expect(await today.textContent()).toMatch(/boş yer/);
    const closed = page.locator('button[data-day="2026-12-10"]');
    expect(await closed.isDisabled()).toBe(true);
    expect(await closed.textContent()).toContain('Kapalı');
    const newYear = page.locator('button[data-day="2027-01-01"]');
    expect(await newYear.textContent()).toContain('Resmî tatil');
    await axeClean(page);
    await screenshot(page, 'booking-phone-days-360x640');

    await today.click();
    expect(await focused(page)).toMatch(/^H2 Bir saat seçin/);
    // Within the lead time (30 minutes) nothing is offered.
    await page.locator('button[data-time="11:00"]').waitFor();
    expect(await page.locator('button[data-time="10:20"]').count()).toBe(0);
    await page.locator('button[data-time="11:00"]').click();
    expect(await focused(page)).toMatch(/^H2 Bilgileriniz/);
    expect(await page.getByTestId('privacy').textContent()).toBe(
      'Yalnızca adınız ve isteğe bağlı cep telefonunuz kaydedilir; randevudan 30 gün sonra silinir.',
    );
    await page.getByLabel('Adınız soyadınız').fill('A');
    await page.getByRole('button', { name: 'Randevuyu al' }).click();
    expect(await page.getByText('Adınızı yazın').isVisible()).toBe(true);
    await page.getByLabel('Adınız soyadınız').fill('Ayşe Yılmaz');
    await page.getByLabel('Cep telefonunuz (isteğe bağlı)').fill('0532 123 45 67');

    // Someone else takes 11:00 while Ayşe types.
    await book(server, '11:00', 'Başka Biri');
    await page.getByRole('button', { name: 'Randevuyu al' }).click();
    await page.getByText('Seçtiğiniz saat az önce doldu').waitFor();
    await page.locator('button[data-time="11:10"]').waitFor();
    expect(await page.locator('button[data-time="11:00"]').count()).toBe(0);
    await screenshot(page, 'booking-phone-slot-taken-360x640');

    await page.locator('button[data-time="11:10"]').click();
    await page.getByRole('button', { name: 'Randevuyu al' }).click();
    await page.getByTestId('done').waitFor();
    expect(await focused(page)).toMatch(/^H2 Randevunuz alındı/);
    const code = (await page.getByTestId('check-in-code').textContent())!.trim();
    expect(code).toMatch(/^\d{3} \d{3} \d{4}$/);
    await page.locator('qr-code img').waitFor();
    const link = (await page.getByTestId('own-link').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${server.url}/randevu/[A-Za-z0-9_-]{16,64}$`));
    expect(page.url()).toBe(link);
    expect(await page.getByTestId('at-hall').textContent()).toContain(
      "Randevu saatinden 15 dk önce ile 10 dk sonrası arasında kiosktaki 'Randevum var' ile giriş yapın.",
    );
    expect(await page.getByTestId('at-hall').textContent()).toContain('10:55 – 11:20');
    await axeClean(page);
    await screenshot(page, 'booking-phone-done-360x640');
    const problems = await layoutProblems(page, { minFontPx: 12, minTargetPx: 44 });
    expect(problems, describeProblems(problems)).toEqual([]);

    const stored = await api<BookingView>(server, 'GET', `/bookings/${link.split('/').pop()}`);
    expect(stored.body).toMatchObject({ time: '11:10', name: 'Ayşe Yılmaz', status: 'booked' });
    expect(stored.body.checkInCode).toBe(code.replace(/ /g, ''));
  });

  it("when the citizen opens the booking's own link, then it can be moved to another free time and cancelled, each confirmed on the page and on the server", async () => {
    setClock('10:00');
    const mine = await book(server, '12:00', 'Fatma Demir');
    const page = await newPage(PHONE, true);
    await page.goto(`${server.url}${mine.url}`);
    await page.getByTestId('status').waitFor();
    expect((await page.getByTestId('status').textContent())!.trim()).toBe('Randevunuz geçerli');
    await axeClean(page);

    await page.getByRole('button', { name: 'Başka saate taşı' }).click();
    expect(await focused(page)).toMatch(/^H2 Yeni gün ve saat/);
    await page.locator(`button[data-day="${TUESDAY}"]`).click();
    await page.locator('button[data-time="12:30"]').click();
    await page.getByRole('button', { name: /saat 12:30 olarak taşı/ }).click();
    await page.getByText('Randevunuz taşındı.').waitFor();
    expect(await page.getByTestId('when').textContent()).toContain('12:30');
    expect((await api<BookingView>(server, 'GET', `/bookings/${mine.code}`)).body.time).toBe(
      '12:30',
    );

    await page.getByRole('button', { name: 'İptal et' }).click();
    expect(await focused(page)).toMatch(/^BUTTON Evet, iptal et/);
    await page.getByRole('button', { name: 'Evet, iptal et' }).click();
    await page.getByText('Randevunuz iptal edildi.').waitFor();
    expect((await page.getByTestId('status').textContent())!.trim()).toBe('İptal edildi');
    expect(await page.getByRole('button', { name: 'İptal et' }).count()).toBe(0);
    expect((await api<BookingView>(server, 'GET', `/bookings/${mine.code}`)).body.status).toBe(
      'cancelled',
    );
    await axeClean(page);

    await page.getByRole('button', { name: 'English' }).click();
    expect((await page.getByTestId('status').textContent())!.trim()).toBe('Cancelled');
  });

  it('when a booked visitor checks in at the kiosk too early, in time (by a QR scanner), twice, and too late, then each gets the right answer, the ticket is marked with the slot, and call-next calls the appointment at its time while walk-ins wait', async () => {
    setClock('10:00');
    const due = await book(server, '13:00', 'Mehmet Kaya');
    const late = await book(server, '13:10', 'Zeynep Ak');
    setClock('12:20');
    const counter = await clerk(server);
    await counter('open');

    const page = await newPage(KIOSK_4_3, false);
    await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    const entry = page.getByTestId('check-in-entry');
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
    await screenshot(page, 'booking-kiosk-start-1280x1024');
    await entry.click();
    await page.getByRole('heading', { name: 'Randevu kodunuzu girin' }).waitFor();
    await axeClean(page);
    await screenshot(page, 'booking-kiosk-keypad-1280x1024');
    const keypadProblems = await layoutProblems(page, { minFontPx: 18, minTargetPx: 64 });
    expect(keypadProblems, describeProblems(keypadProblems)).toEqual([]);

    // Too early: typed on the keypad.
    for (const digit of due.checkInCode)
      await page.locator(`button[data-digit="${digit}"]`).click();
    expect((await page.getByTestId('check-in-code').textContent())!.trim()).toBe(
      `${due.checkInCode.slice(0, 3)} ${due.checkInCode.slice(3, 6)} ${due.checkInCode.slice(6)}`,
    );
    await page.getByTestId('check-in-submit').click();
    const problem = page.getByTestId('check-in-problem');
    await problem.waitFor();
    // The slot itself and the opening, both from the refusal's details.
    expect(await problem.textContent()).toContain(
      "Randevunuz 13:00'te; 12:45'ten itibaren giriş yapabilirsiniz.",
    );
    await axeClean(page);
    await screenshot(page, 'booking-kiosk-too-early-1280x1024');
    // After the answer, a digit on the keypad starts a new code.
    await page.locator('button[data-digit="7"]').click();
    expect((await page.getByTestId('check-in-code').textContent())!.trim()).toBe('7__ ___ ____');
    expect(await problem.count()).toBe(0);
    await page.getByRole('button', { name: 'Son rakamı sil' }).click();

    // Two walk-ins come; then, in the window, the booked visitor checks in by the kiosk's
    // keyboard-wedge scanner: ten fast digits and Enter.
    setClock('12:50');
    const first = await issueWalkIn(server);
    const second = await issueWalkIn(server);
    await page.keyboard.type(due.checkInCode, { delay: 5 });
    await page.keyboard.press('Enter');
    const number = page.getByTestId('ticket-number');
    await number.waitFor();
    const ticketNumber = (await number.textContent())!.trim();
    expect(ticketNumber).toMatch(/^V\d+$/);
    expect(await page.locator('kiosk-confirmation .priority').textContent()).toBe('Randevu 13:00');
    await screenshot(page, 'booking-kiosk-checked-in-1280x1024');
    // "Tamam" ignores a tap in its first 800 ms (the tail of a double tap): tap until it closes.
    await expect
      .poll(async () => {
        await page
          .getByRole('button', { name: 'Tamam' })
          .click({ timeout: 1_000 })
          .catch(() => {});
        return entry.count();
      })
      .toBe(1);

    // Twice: refused.
    await entry.click();
    await page.keyboard.type(due.checkInCode, { delay: 5 });
    await page.keyboard.press('Enter');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Giriş zaten yapıldı');

    // Not a booking.
    await page.keyboard.type('0000000000', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => problem.textContent()).toContain('Randevu bulunamadı');

    // The clerk's call-next: before the slot the walk-ins come first; at the slot, the appointment.
    const stored = await api<BookingView>(server, 'GET', `/bookings/${due.code}`);
    expect(stored.body).toMatchObject({ status: 'checked-in', ticketNumber });
    setClock('12:55');
    expect((await counter('call-next'))!.number).toBe(first.number);
    await counter('start');
    await counter('complete', { outcome: 'resolved' });
    setClock('13:00');
    expect((await counter('call-next'))!.number).toBe(ticketNumber);
    await counter('start');
    await counter('complete', { outcome: 'resolved' });
    expect((await counter('call-next'))!.number).toBe(second.number);

    // Too late: a normal ticket instead.
    setClock('13:25');
    await page.keyboard.type(late.checkInCode, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => problem.textContent()).toContain('Giriş süresi geçti');
    await axeClean(page);
    expect(await problem.textContent()).toContain("Saat 13:10'daki randevunuzun");
    const ticketsBefore = queueTickets(server).length;
    await page.getByRole('button', { name: 'Normal sıra al' }).click();
    // Straight to a ticket of the booked service, as a tap on it would give: no service screen.
    await number.waitFor();
    const walkIn = (await number.textContent())!.trim();
    expect(walkIn).toMatch(/^V\d+$/);
    expect(await page.locator('kiosk-confirmation .priority').count()).toBe(0);
    const issued = queueTickets(server);
    expect(issued).toHaveLength(ticketsBefore + 1);
    expect(issued.find((t) => t.number === walkIn)).toMatchObject({
      serviceId: 'vezne',
      priority: null,
    });
    // A walk-in: no appointment on it.
    expect(issued.find((t) => t.number === walkIn)!.appointment ?? null).toBeNull();
    expect((await api<BookingView>(server, 'GET', `/bookings/${late.code}`)).body.status).toBe(
      'no-show',
    );
    await screenshot(page, 'booking-kiosk-too-late-walk-in-1280x1024');
  });

  it('when a late visitor takes a normal ticket but the booked service has closed since, then the kiosk goes back to the services and says why', async () => {
    setClock('10:00');
    const late = await book(server, '13:40', 'Ali Veli');
    setClock('14:00');
    const page = await newPage(KIOSK_4_3, false);
    await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
    await adminSets(server, 'PATCH', '/services/vezne', { active: false });
    try {
      await page.locator('button[data-service="vezne"][disabled]').waitFor();
      await page.getByTestId('check-in-entry').click();
      await page.keyboard.type(late.checkInCode, { delay: 5 });
      await page.keyboard.press('Enter');
      const problem = page.getByTestId('check-in-problem');
      await expect.poll(() => problem.textContent()).toContain('Giriş süresi geçti');
      const ticketsBefore = queueTickets(server).length;
      await page.getByRole('button', { name: 'Normal sıra al' }).click();
      await page.getByText('Bu hizmet şu anda verilmiyor. Lütfen başka bir işlem seçin.').waitFor();
      expect(await page.getByRole('heading', { name: 'İşleminizi seçin' }).count()).toBe(1);
      expect(await page.getByTestId('ticket-number').count()).toBe(0);
      expect(queueTickets(server)).toHaveLength(ticketsBefore);
      await screenshot(page, 'booking-kiosk-too-late-service-closed-1280x1024');
    } finally {
      await adminSets(server, 'PATCH', '/services/vezne', { active: true });
    }
  });

  it("when an admin sets the hall's retention to 60 days, then the booking page's privacy note says 60", async () => {
    setClock('10:00');
    const rules = { ...DEFAULT_HALL_BOOKING, closedDays: ['2026-12-10'], maxPerContact: 20 };
    await adminSets(server, 'PUT', '/halls/cankaya/booking-settings', {
      ...rules,
      retentionDays: 60,
    });
    try {
      const page = await newPage(PHONE, true);
      await page.goto(`${server.url}/randevu`);
      await page.locator('button[data-service="vezne"]').click();
      await page.locator(`button[data-day="${TUESDAY}"]`).click();
      await page.locator('button[data-time="15:00"]').click();
      expect(await page.getByTestId('privacy').textContent()).toBe(
        'Yalnızca adınız ve isteğe bağlı cep telefonunuz kaydedilir; randevudan 60 gün sonra silinir.',
      );
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByTestId('privacy').textContent()).toContain('60 days');
    } finally {
      await adminSets(server, 'PUT', '/halls/cankaya/booking-settings', rules);
    }
  });

  it('when the kiosk is 1920×1080 or in large-text mode, then the keypad fits with nothing cut or overlapping and axe finds nothing serious', async () => {
    setClock('10:00');
    for (const [viewport, large] of [
      [KIOSK_WIDE, false],
      [KIOSK_4_3, true],
      [KIOSK_WIDE, true],
    ] as const) {
      const page = await newPage(viewport, false);
      await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
      await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
      if (large) await page.getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' }).click();
      await page.getByTestId('check-in-entry').click();
      await page.getByRole('heading', { name: 'Randevu kodunuzu girin' }).waitFor();
      for (const digit of '12345') await page.locator(`button[data-digit="${digit}"]`).click();
      const name = `booking-kiosk-keypad-${viewport.width}x${viewport.height}${large ? '-large' : ''}`;
      await screenshot(page, name);
      const problems = await layoutProblems(page, { minFontPx: 18, minTargetPx: 64 });
      expect(problems, `${name}: ${describeProblems(problems)}`).toEqual([]);
      await axeClean(page);
      // Back to the start screen.
      await page.getByRole('button', { name: '← Geri' }).click();
      await page.getByTestId('check-in-entry').waitFor();
    }
  }, 240_000);

  it('when the hall takes no appointments, then the kiosk shows no "Randevum var" button', async () => {
    const plain = await startTestServer({ distDir: inject('distDir') });
    try {
      const page = await newPage(KIOSK_4_3, false);
      const asked = page.waitForResponse((r) => r.url().endsWith('/booking/services'));
      await page.goto(`${plain.url}/kiosk#key=${plain.kioskKey}`);
      expect(await (await asked).json()).toEqual([]);
      await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
      expect(await page.getByTestId('check-in-entry').count()).toBe(0);
    } finally {
      await plain.dispose();
    }
  });
});
