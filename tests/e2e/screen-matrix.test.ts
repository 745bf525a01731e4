import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEFAULT_HALL_BOOKING,
  WEEKDAYS,
  type BookingView,
  type OpeningSpan,
  type Weekday,
} from '../../contract/bookings.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { adminCookie, setSign, signDevice, signReads } from '../support/counter-signs.js';
import { describeProblems, layoutProblems, type LayoutRules } from '../support/layout-check.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The screens Turkish municipalities install, in CSS pixels (a DPR-2 1080p TV gives 960×540). */
const DISPLAY_SIZES = [
  [960, 540],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
  [1080, 1920],
  [1280, 1024],
] as const;
/** Counter-top signs: small 7–10″ panels, a 13″ one, a TV, and a panel mounted upright. */
const SIGN_SIZES = [
  [800, 480],
  [1024, 600],
  [1280, 800],
  [1920, 1080],
  [480, 800],
] as const;
const KIOSK_SIZES = [
  [800, 1280],
  [1280, 1024],
  [1366, 768],
  [1920, 1080],
  [1080, 1920],
] as const;

/** Service names as long as settings allow, in both languages, and every Turkish prefix letter. */
const LONG_SERVICES: Array<[string, string, string, string]> = [
  ['vezne', 'V', 'Vezne ve Emlak Vergisi Ödemeleri', 'Cashier and property tax payments'],
  ['ruhsat', 'R', 'İşyeri Açma ve Çalışma Ruhsatı', 'Business opening and operating licences'],
  ['mali', 'M', 'Mali Hizmetler Müdürlüğü İşlemleri', 'Financial services directorate'],
  ['imar', 'İ', 'İmar Durum Bilgisi ve Çap Belgesi', 'Zoning status information and plot plan'],
  ['dilekce', 'D', 'Dilekçe Kabul ve Evrak Kayıt', 'Petition acceptance and document registry'],
  [
    'sosyal',
    'Ş',
    'Şikâyet, Öneri ve Sosyal Yardım Başvuruları',
    'Complaints, suggestions and welfare',
  ],
  ['cevre', 'Ç', 'Çevre Koruma ve Kontrol Müdürlüğü', 'Environmental protection and control'],
  ['ogrenci', 'Ö', 'Öğrenci ve Gençlik Hizmetleri', 'Student and youth services'],
  ['ulasim', 'Ü', 'Ücretsiz Ulaşım Kartı Başvurusu', 'Free public transport card application'],
  [
    'gecici',
    'Ğ',
    'Geçici İskân ve Yapı Kullanma İzni',
    'Temporary occupancy and building use permit',
  ],
  ['evlendirme', 'E', 'Evlendirme Memurluğu Randevuları', 'Civil marriage office appointments'],
  [
    'zabita',
    'ZB',
    'Zabıta Başvuruları ve Pazar Yeri İşlemleri',
    'Municipal police and market stalls',
  ],
];

function bigHall(services: number, counters: number): () => ConfigData {
  return () => {
    const config = defaultConfig();
    const hallId = config.halls[0]!.id;
    config.services = LONG_SERVICES.slice(0, services).map(([id, prefix, tr, en]) => ({
      id,
      hallId,
      prefix,
      name: { tr, en },
      targetMinutes: 4,
      active: true,
    }));
    config.counters = Array.from({ length: counters }, (_, i) => ({
      id: `banko-${i + 1}`,
      hallId,
      number: i + 1,
      name: `Banko ${i + 1}`,
      services: [{ serviceId: config.services[i % services]!.id, weight: 1 }],
    }));
    return config;
  };
}

/**
 * The display's fixture day: Tuesday 8 December 2026, 10:00 in Istanbul. The first service
 * takes appointments (09:00–17:00, 10-minute slots), so one called visitor can be a booked one.
 */
const APPOINTMENT_DAY = '2026-12-08';
const dayClock = { skewMs: Date.parse(`${APPOINTMENT_DAY}T10:00:00+03:00`) - Date.now() };

function withAppointments(config: () => ConfigData): () => ConfigData {
  return () => {
    const data = config();
    const hours = Object.fromEntries(
      WEEKDAYS.map((d): [Weekday, OpeningSpan[]] => [d, [{ from: '09:00', to: '17:00' }]]),
    ) as Record<Weekday, OpeningSpan[]>;
    data.services[0]!.booking = { enabled: true, hours, slotMinutes: 10, perSlot: 1 };
    data.halls = data.halls.map((h) => ({ ...h, booking: { ...DEFAULT_HALL_BOOKING } }));
    return data;
  };
}

/**
 * A visitor books the first service at 10:40 (past the 30-minute lead time) and checks in at the
 * kiosk at 10:30, inside the window; the clock then reaches the slot.
 */
async function checkInAppointment(server: TestServer, serviceId: string): Promise<void> {
  const booked = await fetch(`${server.url}/api/halls/cankaya/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId, day: APPOINTMENT_DAY, time: '10:40', name: 'Ayşe Yılmaz' }),
  });
  expect(booked.status, await booked.clone().text()).toBe(201);
  const { checkInCode } = (await booked.json()) as BookingView;
  dayClock.skewMs += 30 * 60_000;
  const ticket = await fetch(`${server.url}/api/halls/cankaya/check-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ checkInCode }),
  });
  expect(ticket.status, await ticket.clone().text()).toBe(201);
  // At 10:40 the booked visitor is due: their counter calls them before the walk-ins.
  dayClock.skewMs += 10 * 60_000;
}

async function issue(server: TestServer, serviceId: string): Promise<string> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

/** A clerk signed in at counter `n`, who opens it; returns a command sender. */
async function clerkAt(server: TestServer, n: number) {
  const clerk = await server.addUser('clerk');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: clerk.username, password: clerk.password }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const command = async (action: string, body: object = {}) => {
    const res = await fetch(`${server.url}/api/counters/banko-${n}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  };
  await command('open');
  return command;
}

/** Opens `count` counters and has each call a visitor of its own service. */
async function callAtEveryCounter(server: TestServer, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) await (await clerkAt(server, n))('call-next');
}

async function fillHall(server: TestServer, services: number, counters: number) {
  for (let i = 0; i < counters; i++) await issue(server, LONG_SERVICES[i % services]![0]);
  // People still waiting, a different number in each line.
  for (let s = 0; s < services; s++)
    for (let k = 0; k <= s % 4; k++) await issue(server, LONG_SERVICES[s]![0]);
  await callAtEveryCounter(server, counters);
}

async function expectFits(page: Page, rules: LayoutRules, cell: string) {
  const problems = await layoutProblems(page, rules);
  // Soft: every cell of the matrix is checked and photographed, then all failures reported.
  expect.soft(problems, `${cell}\n${describeProblems(problems)}`).toEqual([]);
  const a11y = await seriousA11yViolations(page);
  expect.soft(a11y, `${cell}: ${JSON.stringify(a11y, null, 1)}`).toEqual([]);
}

/**
 * What is wrong with the "Randevu · Appointment" mark as drawn: cut off by its own box (no
 * ellipsis allowed: the mark must be read whole), outside its card or the screen, or lying on
 * the card's number or counter. Runs in the page.
 */
function appointmentMarkProblems(mark: Element): string[] {
  const problems: string[] = [];
  const box = mark.getBoundingClientRect();
  const card = (mark.getRootNode() as ShadowRoot).host.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) problems.push('not drawn');
  if (mark.scrollWidth > mark.clientWidth + 1 || mark.scrollHeight > mark.clientHeight + 1)
    problems.push(
      `cut: ${mark.scrollWidth}×${mark.scrollHeight} in ${mark.clientWidth}×${mark.clientHeight}`,
    );
  const inside = (outer: DOMRect) =>
    box.left >= outer.left - 1 &&
    box.right <= outer.right + 1 &&
    box.top >= outer.top - 1 &&
    box.bottom <= outer.bottom + 1;
  if (!inside(card)) problems.push('outside its card');
  if (box.right > innerWidth + 1 || box.bottom > innerHeight + 1) problems.push('off screen');
  const root = mark.getRootNode() as ShadowRoot;
  for (const other of root.querySelectorAll('[data-ticket], [data-counter]')) {
    const o = other.getBoundingClientRect();
    const overlap =
      Math.min(box.right, o.right) - Math.max(box.left, o.left) > 1 &&
      Math.min(box.bottom, o.bottom) - Math.max(box.top, o.top) > 1;
    if (overlap)
      problems.push(
        `overlaps ${other.getAttribute('data-ticket') !== null ? 'the number' : 'the counter'}`,
      );
  }
  return problems;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('lobby display on every screen', () => {
  const scenarios = [
    { name: '12-counters-12-services', services: 12, counters: 12 },
    { name: '1-counter-3-services', services: 3, counters: 1 },
  ];
  for (const scenario of scenarios) {
    it(`when ${scenario.counters} counters call and ${scenario.services} services wait, then every screen size shows all of it, nothing cut or overlapping, numbers largest`, async () => {
      dayClock.skewMs = Date.parse(`${APPOINTMENT_DAY}T10:00:00+03:00`) - Date.now();
      const server = await startTestServer({
        distDir: inject('distDir'),
        config: withAppointments(bigHall(scenario.services, scenario.counters)),
        now: () => Date.now() + dayClock.skewMs,
      });
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      try {
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await checkInAppointment(server, LONG_SERVICES[0]![0]);
        await fillHall(server, scenario.services, scenario.counters);
        await page.goto(`${server.url}/display#key=${server.displayKey}`);
        await page.locator('display-app header h1').waitFor();
        await expect
          .poll(() => page.locator('display-counter-card [data-ticket]').count())
          .toBe(scenario.counters);
        for (const [width, height] of DISPLAY_SIZES) {
          const cell = `display ${width}×${height} ${scenario.name}`;
          await page.setViewportSize({ width, height });
          await page.waitForTimeout(150);
          await screenshot(page, `matrix-display-${width}x${height}-${scenario.name}`);
          const vmin = Math.min(width, height);
          await expectFits(page, { minFontPx: Math.max(9, vmin * 0.018) }, cell);
          // Counter 1 calls the booked visitor: the card says so, whole and inside its card.
          const mark = page.locator('display-counter-card [data-appointment]');
          expect(await mark.count(), cell).toBe(1);
          expect(await mark.isVisible(), cell).toBe(true);
          expect(await mark.evaluate(appointmentMarkProblems), cell).toEqual([]);
          const sizes = await page
            .locator('display-counter-card [data-ticket]')
            .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
          const biggestOther = await page.evaluate(() => {
            let max = 0;
            const walk = (root: Element | ShadowRoot) => {
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) walk(el.shadowRoot);
                if (el.matches('[data-ticket], [data-counter], .number, time')) continue;
                const own = [...el.childNodes].some(
                  (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
                );
                if (own) max = Math.max(max, parseFloat(getComputedStyle(el).fontSize));
              }
            };
            walk(document.body);
            return max;
          });
          // The called numbers are the largest text, and readable across the hall.
          expect(Math.min(...sizes), cell).toBeGreaterThan(biggestOther);
          if (width / height > 1.7 && width / height < 1.8)
            expect(Math.min(...sizes), cell).toBeGreaterThanOrEqual(height * 0.08);
        }
      } finally {
        await page.close();
        await server.dispose();
      }
    });
  }
});

describe('kiosk on every panel', () => {
  it('when the hall offers 12 long-named services, then every panel shows each button whole, reachable and at least 64 px, in Turkish and English', async () => {
    const server = await startTestServer({ distDir: inject('distDir'), config: bigHall(12, 3) });
    const context = await browser.newContext({ hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
      await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
      const rules: LayoutRules = { minFontPx: 18, minTargetPx: 64 };
      for (const [width, height] of KIOSK_SIZES) {
        await page.setViewportSize({ width, height });
        for (const lang of ['Türkçe', 'English'] as const) {
          const cell = `kiosk ${width}×${height} ${lang}`;
          await page.getByRole('button', { name: lang }).tap();
          await page.waitForTimeout(100);
          await screenshot(page, `matrix-kiosk-${width}x${height}-${lang}`);
          await expectFits(page, rules, cell);
          // Every service can be reached: scrolled into view, it is whole on screen and tappable.
          for (const [id] of LONG_SERVICES) {
            const button = page.locator(`button[data-service="${id}"]`);
            await button.scrollIntoViewIfNeeded();
            const box = (await button.boundingBox())!;
            expect(box.y, `${cell} ${id}`).toBeGreaterThanOrEqual(0);
            expect(box.y + box.height, `${cell} ${id}`).toBeLessThanOrEqual(height + 1);
          }
          await page.locator('button[data-service="vezne"]').scrollIntoViewIfNeeded();
        }
        await page.getByRole('button', { name: 'Türkçe' }).tap();
        await page.locator('.priority-entry').tap();
        await page.locator('button[data-group="elderly"]').tap();
        await screenshot(page, `matrix-kiosk-${width}x${height}-priority-services`);
        await expectFits(page, rules, `kiosk ${width}×${height} priority services`);
        await page.locator('button[data-service="zabita"]').tap();
        await page.locator('qr-code img').waitFor();
        await screenshot(page, `matrix-kiosk-${width}x${height}-confirmation`);
        await expectFits(page, rules, `kiosk ${width}×${height} confirmation`);
        await page.waitForTimeout(900);
        await page.getByRole('button', { name: 'Tamam' }).tap();
        await page.locator('button[data-service="vezne"]').waitFor();
      }
    } finally {
      await context.close();
      await server.dispose();
    }
  });
});

describe('counter-top sign on small screens', () => {
  it('when a sign shows a call, a waiting, paused or closed counter, or a removed one, then every panel shows it whole, the number largest, with no serious accessibility problem', async () => {
    // 12 services, 15 counters: counter 12 calls ZB001 (the longest prefix), 13 stays closed.
    const server = await startTestServer({ distDir: inject('distDir'), config: bigHall(12, 15) });
    const page = await browser.newPage({ viewport: { width: 800, height: 480 } });
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await fillHall(server, 12, 12);
      await clerkAt(server, 14);
      await (
        await clerkAt(server, 15)
      )('pause', { reason: 'break' });
      const cookie = await adminCookie(server);
      const sign = await signDevice(server, cookie, 'banko-12');
      await page.goto(`${server.url}/display#key=${sign.key}`);
      const states = [
        ['banko-12', 'called', 'ZB001'],
        ['banko-14', 'waiting', 'Bekleyiniz'],
        ['banko-15', 'paused', 'Ara verildi'],
        ['banko-13', 'closed', 'Kapalı'],
      ] as const;
      for (const [counterId, state, shows] of states) {
        // The display reconnects (after the live feed's back-off of about a second) to learn it.
        await setSign(server, cookie, sign.id, counterId);
        await expect
          .poll(() => signReads(page).catch(() => null), { timeout: 20_000 })
          .toMatchObject({ state, text: expect.stringContaining(shows) });
        for (const [width, height] of SIGN_SIZES) {
          const cell = `sign ${width}×${height} ${state}`;
          await page.setViewportSize({ width, height });
          await page.waitForTimeout(100);
          await screenshot(page, `matrix-sign-${width}x${height}-${state}`);
          const vmin = Math.min(width, height);
          await expectFits(page, { minFontPx: Math.max(12, vmin * 0.025) }, cell);
          const main = page.locator(
            state === 'called'
              ? 'display-counter-sign [data-ticket]'
              : 'display-counter-sign .word',
          );
          const size = await main.first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          const others = await page
            .locator('display-counter-sign .label')
            .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
          // The ticket (or the state) is the largest text, readable across the counter.
          expect(size, cell).toBeGreaterThan(Math.max(...others));
          if (state === 'called') expect(size, cell).toBeGreaterThanOrEqual(vmin * 0.2);
        }
        await page.setViewportSize({ width: 800, height: 480 });
      }
      await server.app.configStore.update((d) => {
        d.counters = d.counters.filter((c) => c.id !== 'banko-13');
      });
      await server.restart();
      await page
        .locator('display-counter-sign display-message-screen')
        .waitFor({ timeout: 20_000 });
      for (const [width, height] of SIGN_SIZES) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(100);
        await screenshot(page, `matrix-sign-${width}x${height}-missing`);
        const vmin = Math.min(width, height);
        await expectFits(
          page,
          { minFontPx: Math.max(12, vmin * 0.025) },
          `sign ${width}×${height} missing`,
        );
      }
    } finally {
      await page.close();
      await server.dispose();
    }
  });
});

describe('kiosk in large-text / high-contrast mode', () => {
  it('when a visitor turns on large text on the 1280×1024, 1080×1920 and 800×1280 kiosks, then every screen still fits: nothing overflows or overlaps, text at least 26 px', async () => {
    const server = await startTestServer({ distDir: inject('distDir'), config: bigHall(12, 3) });
    const context = await browser.newContext({ hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
      await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
      const rules: LayoutRules = { minFontPx: 26, minTargetPx: 64 };
      for (const [width, height] of [
        [1280, 1024],
        [1080, 1920],
        [800, 1280],
      ] as const) {
        await page.setViewportSize({ width, height });
        const cell = `kiosk large ${width}×${height}`;
        await page.getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' }).tap();
        for (const lang of ['English', 'Türkçe'] as const) {
          await page.getByRole('button', { name: lang }).tap();
          await page.waitForTimeout(100);
          await screenshot(page, `matrix-kiosk-large-${width}x${height}-${lang}`);
          await expectFits(page, rules, `${cell} ${lang}`);
        }
        await page.locator('.priority-entry').tap();
        await page.locator('button[data-group="elderly"]').waitFor();
        await screenshot(page, `matrix-kiosk-large-${width}x${height}-priority`);
        await expectFits(page, rules, `${cell} priority groups`);
        await page.locator('button[data-group="elderly"]').tap();
        await screenshot(page, `matrix-kiosk-large-${width}x${height}-priority-services`);
        await expectFits(page, rules, `${cell} priority services`);
        await page.locator('button[data-service="zabita"]').tap();
        await page.locator('qr-code img').waitFor();
        await screenshot(page, `matrix-kiosk-large-${width}x${height}-confirmation`);
        await expectFits(page, rules, `${cell} confirmation`);
        await page.waitForTimeout(900);
        await page.getByRole('button', { name: 'Tamam' }).tap();
        await page.locator('button[data-service="vezne"]').waitFor();
        // The next visitor gets the normal screen back.
        expect(await page.locator('kiosk-app').evaluate((el) => el.hasAttribute('large'))).toBe(
          false,
        );
      }
    } finally {
      await context.close();
      await server.dispose();
    }
  });
});
