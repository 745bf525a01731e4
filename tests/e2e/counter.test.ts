import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { IssuedTicket, StaffSnapshot } from '../../contract/api.js';
import type { PriorityGroup } from '../../contract/domain.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Clerk = { id: string; username: string; password: string };

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer({ distDir: inject('distDir') });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await server?.dispose();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'tr-TR',
  });
  contexts.push(context);
  return context.newPage();
}

async function openCounterPage(page: Page): Promise<void> {
  await page.goto(`${server.url}/counter`);
  await page.getByRole('heading', { name: 'Personel girişi' }).waitFor();
}

async function signIn(page: Page, clerk: { username: string; password: string }): Promise<void> {
  await page.getByLabel('Kullanıcı adı').fill(clerk.username);
  await page.getByLabel('Parola').fill(clerk.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
}

async function takeCounter(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${name} `) }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** Issues a ticket as the paired kiosk does. */
async function issue(
  serviceId = 'vezne',
  priority: PriorityGroup | null = null,
): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.kioskKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId, priority }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const currentNumber = (page: Page) => page.getByTestId('current-number');
const currentStatus = (page: Page) => page.getByTestId('current-status');
const noCurrent = (page: Page) => page.getByText('Şu an çağrılmış kimse yok.');

async function vezneWaiting(page: Page): Promise<string> {
  return (await page.locator('tr[data-service="vezne"] [data-testid="waiting-count"]').innerText())
    .split(/\s/)[0]!
    .trim();
}

describe('counter terminal', () => {
  it('when a clerk signs in, takes banko-1 and works by keyboard and then by buttons, then each visit moves through its states', async () => {
    const clerk: Clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await screenshot(page, 'counter-sign-in');
    await expectNoSeriousA11yViolations(page);

    await signIn(page, clerk);
    await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    await screenshot(page, 'counter-choose');
    await expectNoSeriousA11yViolations(page);
    await takeCounter(page, 'Banko 1');
    await expect.poll(() => page.getByTestId('counter-state').innerText()).toBe('Açık');

    const first = await issue();
    const second = await issue();
    await expect.poll(() => vezneWaiting(page)).toBe('2');

    // Keyboard: N calls the next visitor, S starts, D then Enter completes as resolved.
    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(first.number);
    await expect.poll(() => currentStatus(page).innerText()).toBe('Çağrıldı, bekleniyor');
    await expect.poll(() => vezneWaiting(page)).toBe('1');
    await page.keyboard.press('s');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');
    const timer = page.getByTestId('visit-timer');
    expect(await timer.getAttribute('data-level')).toBe('neutral');
    expect(await page.getByTestId('timer-level').innerText()).toBe('Hedef süre içinde');
    await screenshot(page, 'counter-main-serving');
    await expectNoSeriousA11yViolations(page);

    await page.keyboard.press('d');
    const note = page.getByLabel('Not (isteğe bağlı)');
    await expect
      .poll(() => note.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    // Letters typed into the note are text, not shortcuts (n, s, x would call/start/no-show).
    await page.keyboard.type('ek belge istendi, sonra gelecek');
    await screenshot(page, 'counter-complete-form');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');
    await page.keyboard.press('Enter');
    await noCurrent(page).waitFor();
    await expect.poll(() => page.getByTestId('own-completed').innerText()).toBe('1');
    const snap = await page.evaluate(async () => {
      const r = await fetch('/api/halls/cankaya/queue');
      return (await r.json()) as StaffSnapshot;
    });
    const finished = snap.tickets.find((t) => t.number === first.number)!;
    expect(finished).toMatchObject({
      status: 'done',
      outcome: 'resolved',
      note: 'ek belge istendi, sonra gelecek',
      clerkId: clerk.id,
    });

    // Buttons: call next, then no-show.
    await page.getByRole('button', { name: /Sıradakini çağır/ }).click();
    await expect.poll(() => currentNumber(page).innerText()).toBe(second.number);
    expect(await page.getByRole('button', { name: /Başlat/ }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: /Sıradakini çağır/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /Gelmedi/ }).click();
    await noCurrent(page).waitFor();
    expect(await page.getByTestId('own-completed').innerText()).toBe('1');

    // Nobody left: calling again explains it in plain words.
    await page.getByRole('button', { name: /Sıradakini çağır/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Bekleyen kimse yok.' }).waitFor();
  });

  it('when the clerk calls a number with C and switches to English, then that ticket is called and the screen speaks English', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    await issue();
    const wanted = await issue();
    await expect.poll(() => vezneWaiting(page)).toBe('2');

    await page.keyboard.press('c');
    const field = page.getByLabel('Sıra numarası');
    await expect
      .poll(() => field.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await page.keyboard.type(wanted.number.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => currentNumber(page).innerText()).toBe(wanted.number);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /Call again/ }).waitFor();
    expect(await currentStatus(page).innerText()).toBe('Called, expected');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'counter-main-called-en');
    await expectNoSeriousA11yViolations(page);
  });

  it('when the visit runs past its 4-minute target and then past 1.5×, then the timer turns amber and then red, with a text label', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await page.clock.install();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    await issue();
    await page.keyboard.press('n');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Çağrıldı, bekleniyor');
    await page.keyboard.press('s');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');
    const timer = page.getByTestId('visit-timer');
    const level = page.getByTestId('timer-level');
    expect(await timer.getAttribute('data-level')).toBe('neutral');
    const start = await page.evaluate(() => Date.now());

    // Only the page's wall clock moves: no timers fire, so the socket stays as it is.
    await page.clock.setSystemTime(start + 4 * 60_000 + 30_000);
    await expect.poll(() => timer.getAttribute('data-level')).toBe('amber');
    expect(await level.innerText()).toBe('Hedef süreye ulaşıldı');
    await screenshot(page, 'counter-timer-amber');

    await page.clock.setSystemTime(start + 7 * 60_000);
    await expect.poll(() => timer.getAttribute('data-level')).toBe('red');
    expect(await level.innerText()).toBe('Hedef süre çok aşıldı');
    await screenshot(page, 'counter-timer-red');
    await expectNoSeriousA11yViolations(page);
  });

  it('when the clerk recalls, requeues and transfers by keyboard, then the visitor moves as chosen', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const ticket = await issue();

    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);
    await page.keyboard.press('r');
    await expect
      .poll(() => page.getByTestId('current-recalls').innerText())
      .toBe('1 kez tekrar çağrıldı');
    await page.keyboard.press('q');
    await noCurrent(page).waitFor();
    await expect.poll(() => vezneWaiting(page)).toBe('1');

    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);
    await page.keyboard.press('s');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');
    await page.keyboard.press('t');
    await page.getByLabel('Aktarılacak hizmet').selectOption({ label: 'Ruhsat' });
    await page.getByLabel('Sıranın sonuna').check();
    await screenshot(page, 'counter-transfer-form');
    await page.getByRole('button', { name: /^Aktar/ }).click();
    await noCurrent(page).waitFor();

    const snap = await page.evaluate(async () => {
      const r = await fetch('/api/halls/cankaya/queue');
      return (await r.json()) as StaffSnapshot;
    });
    expect(snap.tickets.find((t) => t.id === ticket.id)).toMatchObject({
      status: 'waiting',
      serviceId: 'ruhsat',
      recalls: 1,
      transfers: 1,
      front: false,
    });
  });

  it('when a visitor marked absent comes back, then the clerk puts them at the front and calls them next', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const late = await issue();
    // Another visitor, who will have waited longer than the restored one.
    await issue();
    await expect.poll(() => vezneWaiting(page)).toBe('2');

    await page.getByRole('button', { name: /Sıradakini çağır/ }).click();
    await expect.poll(() => currentNumber(page).innerText()).toBe(late.number);
    await page.getByRole('button', { name: /Gelmedi/ }).click();
    await noCurrent(page).waitFor();
    const absent = page.getByTestId('no-show');
    await expect.poll(() => absent.getAttribute('data-number')).toBe(late.number);
    expect(await absent.innerText()).toContain('Vezne');
    expect(await page.getByText(/dakika içinde sıranın başına alabilirsiniz/).isVisible()).toBe(
      true,
    );
    await screenshot(page, 'counter-no-show-restorable');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: `${late.number} numarayı sıranın başına al` }).click();
    await expect.poll(() => absent.count()).toBe(0);
    await expect.poll(() => vezneWaiting(page)).toBe('2');
    // At the front: called before the visitor who has waited longer since.
    await page.getByRole('button', { name: /Sıradakini çağır/ }).click();
    await expect.poll(() => currentNumber(page).innerText()).toBe(late.number);
    await expect.poll(() => vezneWaiting(page)).toBe('1');
  });

  it('when a second clerk looks at the counters, then banko-1 is in use and cannot be taken', async () => {
    const ayse = await server.addUser('clerk', 'ayse');
    const mehmet = await server.addUser('clerk', 'mehmet');
    const first = await newPage();
    const second = await newPage();

    // The second clerk's screen stops receiving deltas, so it still shows banko-1 as free:
    // the server's 409 is then what stops them.
    let dropDeltas = false;
    await second.routeWebSocket(/socket\.io/, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((m) => upstream.send(m));
      upstream.onMessage((m) => {
        if (dropDeltas && typeof m === 'string' && m.includes('"queue:events"')) return;
        ws.send(m);
      });
    });
    await openCounterPage(second);
    await signIn(second, mehmet);
    await second.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    dropDeltas = true;

    await openCounterPage(first);
    await signIn(first, ayse);
    await takeCounter(first, 'Banko 1');

    await second.getByRole('button', { name: /^Banko 1 / }).click();
    await second
      .getByRole('alert')
      .filter({ hasText: 'Bu banko başka bir personel tarafından kullanılıyor.' })
      .waitFor();
    // The refusal refreshes the picture: banko-1 now says who holds it.
    const card = second.locator('[data-counter="banko-1"]');
    await expect.poll(() => card.innerText()).toMatch(/Kullanımda: ayse/);
    expect(await second.getByRole('button', { name: /^Banko 1 / }).count()).toBe(0);
    await screenshot(second, 'counter-choose-in-use');
    await expectNoSeriousA11yViolations(second);

    // A fresh page for the second clerk shows it in use straight away.
    dropDeltas = false;
    await second.reload();
    await second.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    await expect.poll(() => card.innerText()).toMatch(/Kullanımda: ayse/);
    expect(await second.getByRole('button', { name: /^Banko 2 / }).isEnabled()).toBe(true);
  });

  it('when the password is wrong, then a clear error shows and the clerk stays on sign-in', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);

    await signIn(page, { username: clerk.username, password: 'yanlis-parola' });
    await page
      .getByRole('alert')
      .filter({ hasText: 'Kullanıcı adı veya parola hatalı.' })
      .waitFor();
    await signIn(page, { username: 'kimse-yok', password: clerk.password });
    await page
      .getByRole('alert')
      .filter({ hasText: 'Kullanıcı adı veya parola hatalı.' })
      .waitFor();

    await screenshot(page, 'counter-sign-in-error');
    expect(await page.getByRole('heading', { name: 'Personel girişi' }).isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it('when the session ends in another tab, then the clerk lands on sign-in and, signing in again, finds the visit in progress', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const ticket = await issue();
    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);
    await page.keyboard.press('s');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');

    const other = await page.context().newPage();
    await other.goto(`${server.url}/`);
    const status = await other.evaluate(
      async () =>
        (
          await fetch('/api/auth/logout', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          })
        ).status,
    );
    expect(status).toBe(204);

    await page
      .getByRole('alert')
      .filter({ hasText: 'Oturumunuz sona erdi. Lütfen yeniden giriş yapın.' })
      .waitFor();
    await page.getByRole('heading', { name: 'Personel girişi' }).waitFor();
    await screenshot(page, 'counter-session-expired');

    await signIn(page, clerk);
    await page.getByRole('heading', { name: 'Banko 1', exact: true }).waitFor();
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);
    expect(await currentStatus(page).innerText()).toBe('Hizmet veriliyor');
  });

  it('when the page loads with a live session, then sign-in is skipped', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 2');

    await page.reload();

    await page.getByRole('heading', { name: 'Banko 2', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Personel girişi' }).count()).toBe(0);
  });

  it('when the server restarts, then the counter reconnects and keeps the visit and the live queue', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const ticket = await issue();
    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);

    await server.restart();
    await issue();

    await expect.poll(() => vezneWaiting(page), { timeout: 15_000 }).toBe('1');
    expect(await currentNumber(page).innerText()).toBe(ticket.number);
    await page.keyboard.press('s');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');
  });

  it('when a counter command answers 401, then the clerk is sent to sign-in', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    await page.route('**/api/counters/**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in.' } }),
      }),
    );

    await page.getByRole('button', { name: /Sıradakini çağır/ }).click();

    await page.getByRole('alert').filter({ hasText: 'Oturumunuz sona erdi.' }).waitFor();
    await page.getByRole('heading', { name: 'Personel girişi' }).waitFor();
  });

  it('when the clerk pauses with a reason and resumes, then only the legal actions are enabled', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 3');

    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Evrak işi' }).click();
    await expect
      .poll(() => page.getByTestId('counter-state').innerText())
      .toBe('Ara verildi · Evrak işi');
    expect(await page.getByRole('button', { name: /Sıradakini çağır/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /Devam et/ }).isEnabled()).toBe(true);

    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('counter-state').innerText()).toBe('Açık');

    await page.getByRole('button', { name: 'Bankoyu kapat' }).click();
    await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
  });

  it('when an "Engelli" ticket waits and is called, then its group shows in words and a ★ mark in the line, in the call-by-number list and on the current visit', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const normal = await issue();
    const disabled = await issue('vezne', 'disabled');
    await expect.poll(() => vezneWaiting(page)).toBe('2');

    // The line: the group in words, with the star, on that ticket only.
    const inLine = page.locator(
      `[data-testid="waiting-line"] li[data-number="${disabled.number}"]`,
    );
    const lineBadge = inLine.getByTestId('priority-badge');
    // (The words "Öncelikli sıra:" are there for screen readers only.)
    await expect.poll(() => lineBadge.innerText()).toMatch(/^★\s*(Öncelikli sıra:\s*)?Engelli$/);
    expect(await lineBadge.getAttribute('data-priority')).toBe('disabled');
    expect(
      await page
        .locator(`[data-testid="waiting-line"] li[data-number="${normal.number}"]`)
        .getByTestId('priority-badge')
        .count(),
    ).toBe(0);

    // The call-by-number list opens with the field and marks the same ticket.
    await page.keyboard.press('c');
    const pick = page.getByTestId('call-list').locator(`button[data-number="${disabled.number}"]`);
    await expect
      .poll(() => pick.getByTestId('priority-badge').innerText())
      .toMatch(/^★\s*(Öncelikli sıra:\s*)?Engelli$/);
    await page
      .getByRole('button', { name: new RegExp(`^${disabled.number}.*numarayı çağır.*Engelli`) })
      .waitFor();
    await screenshot(page, 'counter-call-list-priority');
    await expectNoSeriousA11yViolations(page);

    // Called from the list: the current visit says it in words, with the mark and a hint.
    await pick.click();
    await expect.poll(() => currentNumber(page).innerText()).toBe(disabled.number);
    const current = page.getByTestId('current-priority');
    expect(await current.getByTestId('priority-badge').innerText()).toMatch(
      /^★\s*Öncelikli sıra: Engelli$/,
    );
    expect(await current.innerText()).toContain('Belge veya kimlik isteyebilirsiniz.');
    await screenshot(page, 'counter-current-priority');
  });

  it('when a called visitor has not arrived after 7:25, then the screen shows the walk with a no-show hint, not an overrun, and service time from the start', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await page.clock.install();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    await issue();
    await page.keyboard.press('n');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Çağrıldı, bekleniyor');
    const timer = page.getByTestId('visit-timer');
    expect(await timer.getAttribute('data-phase')).toBe('walk');
    const called = await page.evaluate(() => Date.now());

    await page.clock.setSystemTime(called + 7 * 60_000 + 25_000);
    await expect.poll(() => timer.getAttribute('data-walk')).toBe('long');
    expect(await timer.getAttribute('data-level')).toBe('neutral');
    expect(await timer.innerText()).toMatch(/Çağrıldı, henüz gelmedi\s+7:2\d\s+3 dakikayı geçti/);
    expect(await page.getByTestId('timer-level').count()).toBe(0);
    await screenshot(page, 'counter-walk-long');
    await expectNoSeriousA11yViolations(page);

    // The visitor arrives: the timer now measures service (the rule's thresholds are unit-tested;
    // here the page's clock was moved ahead of the server's, so only the phase is checked).
    await page.keyboard.press('s');
    await expect.poll(() => timer.getAttribute('data-phase')).toBe('service');
    expect(await timer.innerText()).toMatch(/^Hizmet süresi/);
  });

  it('when the counter serves only R and D, then the number field suggests an R number, not V012', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 4');

    expect(await page.getByLabel('Sıra numarası').getAttribute('placeholder')).toBe('R012');
  });

  it('when the clerk closes a counter that holds a called visitor, then it asks first, and on confirming the visitor goes back to the line', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const ticket = await issue();
    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);

    const close = page.getByRole('button', { name: 'Bankoyu kapat' });
    expect(await close.isEnabled()).toBe(true);
    await close.click();
    const confirm = page.getByTestId('close-confirm');
    expect(await confirm.innerText()).toBe(
      `${ticket.number} numara çağrıldı, henüz gelmedi. Bankoyu kapatırsanız ${ticket.number} sıraya geri alınır.`,
    );
    await screenshot(page, 'counter-close-confirm');
    await expectNoSeriousA11yViolations(page);

    // Changing one's mind leaves everything as it was.
    await page.getByRole('button', { name: /Vazgeç/ }).click();
    expect(await confirm.count()).toBe(0);
    expect(await page.getByTestId('counter-state').innerText()).toBe('Açık');
    expect(await currentNumber(page).innerText()).toBe(ticket.number);

    await close.click();
    await page.getByRole('button', { name: 'Sıraya geri al ve kapat' }).click();
    await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    const snap = await page.evaluate(async () => {
      const r = await fetch('/api/halls/cankaya/queue');
      return (await r.json()) as StaffSnapshot;
    });
    expect(snap.tickets.find((t) => t.id === ticket.id)?.status).toBe('waiting');
    expect(snap.counters.find((c) => c.id === 'banko-1')?.status).toBe('closed');
  });

  it('when the clerk closes a counter during a service, then it says to complete the visit first and does not close', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const ticket = await issue();
    await page.keyboard.press('n');
    await expect.poll(() => currentNumber(page).innerText()).toBe(ticket.number);
    await page.keyboard.press('s');
    await expect.poll(() => currentStatus(page).innerText()).toBe('Hizmet veriliyor');

    await page.getByRole('button', { name: 'Bankoyu kapat' }).click();
    expect(await page.getByTestId('close-confirm').innerText()).toBe(
      `${ticket.number} numarayla işlem sürüyor. Bankoyu kapatmadan önce ziyareti tamamlayın ya da aktarın.`,
    );
    await page.getByRole('button', { name: 'Ziyareti tamamla' }).click();
    await page.getByLabel('Not (isteğe bağlı)').waitFor();
    expect(await page.getByTestId('counter-state').innerText()).toBe('Açık');
  });

  it('when 30 visitors wait, then the line scrolls inside its card and the page fits 1366×768', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await openCounterPage(page);
    await signIn(page, clerk);
    await takeCounter(page, 'Banko 1');
    const groups: PriorityGroup[] = ['elderly', 'disabled', 'pregnant', 'veteran'];
    for (let i = 0; i < 31; i++) {
      await issue(i % 3 === 2 ? 'mali-hizmetler' : 'vezne', i % 5 === 1 ? groups[i % 4]! : null);
    }
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('[data-testid="waiting-line"] li').count()).toBe(30);
    await expect.poll(() => currentNumber(page).innerText()).not.toBe('');

    const fits = await page.evaluate(() => [
      document.documentElement.scrollHeight,
      window.innerHeight,
    ]);
    const line = page.getByTestId('waiting-line');
    const scrolls = await line.evaluate((el) => el.scrollHeight > el.clientHeight);
    await screenshot(page, 'counter-long-line');
    expect(scrolls).toBe(true);
    expect(fits[0]).toBeLessThanOrEqual(fits[1]!);
    await expectNoSeriousA11yViolations(page);
  });
});
