import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  DEFAULT_HALL_BOOKING,
  WEEKDAYS,
  type OpeningSpan,
  type Weekday,
} from '../../contract/bookings.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The server's clock: Tuesday 8 December 2026, 09:55 in Istanbul. */
const TUESDAY = '2026-12-08';
const skewMs = Date.parse(`${TUESDAY}T09:55:00+03:00`) - Date.now();

/** The cashier takes appointments every 10 minutes, one per slot, 09:00–17:00 every day. */
function bookingConfig(): ConfigData {
  const config = defaultConfig();
  const hours = Object.fromEntries(
    WEEKDAYS.map((d): [Weekday, OpeningSpan[]] => [d, [{ from: '09:00', to: '17:00' }]]),
  ) as Record<Weekday, OpeningSpan[]>;
  config.services = config.services.map((s) =>
    s.id === 'vezne' ? { ...s, booking: { enabled: true, hours, slotMinutes: 10, perSlot: 1 } } : s,
  );
  config.halls = config.halls.map((h) => ({ ...h, booking: { ...DEFAULT_HALL_BOOKING } }));
  return config;
}

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer({
    distDir: inject('distDir'),
    config: bookingConfig,
    now: () => Date.now() + skewMs,
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

describe('phone-in booking at the counter', () => {
  it('when a clerk books for a caller, then the code and link show, the booking is in today’s list, and it can be cancelled', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'tr-TR',
    });
    contexts.push(context);
    const page = await context.newPage();
    const clerk = await server.addUser('clerk');
    await page.goto(`${server.url}/counter`);
    await page.getByLabel('Kullanıcı adı').fill(clerk.username);
    await page.getByLabel('Parola').fill(clerk.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    await page.getByRole('button', { name: /^Banko 1 / }).click();
    await page.getByRole('heading', { name: 'Banko 1', exact: true }).waitFor();

    // Keyboard: the button opens the panel; the counter stays on screen.
    const open = page.getByRole('button', { name: 'Telefonla randevu' });
    await open.focus();
    await page.keyboard.press('Enter');
    const close = page.getByRole('button', { name: 'Randevuları kapat' });
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('heading', { name: 'Telefonla randevu' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Banko 1', exact: true }).isVisible()).toBe(
      true,
    );

    // Only free slots of today are offered: 10:30 is the first after the 30-minute lead time.
    const time = page.getByLabel('Saat', { exact: true });
    await expect.poll(() => time.inputValue()).toBe('10:30');
    expect(await page.getByLabel('Gün', { exact: true }).inputValue()).toBe(TUESDAY);
    await page.getByLabel('Ad soyad').fill('Ayşe Işık');
    await page.getByLabel('Cep telefonu (isteğe bağlı)').fill('0532 123 45 67');
    await page.getByRole('button', { name: 'Randevu ver' }).click();

    const made = page.getByTestId('booking-made');
    await made.waitFor();
    expect(await page.getByTestId('booking-code').innerText()).toMatch(/^\d{3} \d{3} \d{4}$/);
    expect(await page.getByTestId('booking-link').innerText()).toMatch(
      new RegExp(`^${server.url}/randevu/[A-Za-z0-9_-]{16,64}$`),
    );
    // The booked slot is no longer offered.
    await expect.poll(() => time.inputValue()).toBe('10:40');

    // Today's list, searched without Turkish letters.
    const row = page.locator('tr[data-booking]', { hasText: 'Ayşe Işık' });
    await row.waitFor();
    expect(await row.innerText()).toContain('10:30');
    expect(await row.innerText()).toContain('Bekleniyor');
    await page.getByLabel('Ada göre ara').fill('ayse isik');
    expect(await page.locator('tr[data-booking]').count()).toBe(1);
    await page.getByLabel('Ada göre ara').fill('mehmet');
    await page.getByText('Randevu yok.').waitFor();
    await page.getByLabel('Ada göre ara').fill('');

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'staff-booking-counter-1366x768');

    // Cancel: the row says so and the slot is free again.
    await page.getByRole('button', { name: 'İptal et: 10:30 Ayşe Işık' }).click();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toBe('İptal');
    expect(await row.getByRole('button').count()).toBe(0);
    await expect.poll(() => time.inputValue()).toBe('10:30');
    const list = await fetch(
      `${server.url}/api/halls/cankaya/booking/slots?serviceId=vezne&day=${TUESDAY}`,
    );
    const slots = ((await list.json()) as { slots: { time: string }[] }).slots;
    expect(slots[0]?.time).toBe('10:30');
  });
  it('when a manager opens the Randevular tab, then today’s bookings show and one can be cancelled there', async () => {
    const res = await fetch(`${server.url}/api/halls/cankaya/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'vezne',
        day: TUESDAY,
        time: '11:00',
        name: 'Şükrü Öztürk',
      }),
    });
    expect(res.status).toBe(201);
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'tr-TR',
    });
    contexts.push(context);
    const page = await context.newPage();
    const manager = await server.addUser('manager');
    await page.goto(`${server.url}/manager`);
    await page.getByLabel('Kullanıcı adı').fill(manager.username);
    await page.getByLabel('Parola').fill(manager.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('tab', { name: 'Randevular' }).click();
    const row = page.locator('tr[data-booking]', { hasText: 'Şükrü Öztürk' });
    await row.waitFor();
    await page.getByLabel('Ada göre ara', { exact: true }).fill('sukru ozturk');
    expect(await page.locator('tr[data-booking]').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'İptal et: 11:00 Şükrü Öztürk' }).click();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toBe('İptal');
  });
});
