import type { Request, RequestHandler, Response } from 'express';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { apiError, sendError } from './errors.js';

/** How an account's wrong passwords slow down the next check of that account. */
export interface LoginBackoff {
  /** Wrong passwords (within 15 minutes) before the first wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait: what an attacker can hold a real clerk off for, per failure. */
  maxDelayMs: number;
}

/**
 * Short and growing rather than a lock-out: 10 free failures (as many as one address may try
 * in a minute), then 1 s, 2 s, 4 s … never more than 30 s after the last failure. Someone who
 * keeps guessing a clerk's password makes the clerk wait at most 30 s, and gets about one guess
 * per 30 s for it.
 */
export const DEFAULT_LOGIN_BACKOFF: LoginBackoff = {
  freeFailures: 10,
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
};

/** Failures are forgotten this long after the first of them. */
const FAILURE_WINDOW_MS = 15 * 60_000;

/** The two counts the back-off keeps, each in a store of its own (memory, or shared Redis). */
export interface BackoffStores {
  /** Wrong passwords per account, in windows of 15 minutes. */
  failures: Store;
  /**
   * Keyed `account#n`, first counted at the account's n-th failure: its window (`maxDelayMs`
   * long) started then, so its reset time tells when that failure was, on every server.
   */
  failureTimes: Store;
}

/** A store's count if it is still live (Redis answers 0 with a past reset time for none). */
async function live(
  info: Promise<ClientRateLimitInfo | undefined> | ClientRateLimitInfo | undefined,
) {
  const r = await info;
  if (!r || r.totalHits <= 0 || !r.resetTime || r.resetTime.getTime() <= Date.now()) return null;
  return { hits: r.totalHits, resetAt: r.resetTime.getTime() };
}

/**
 * Per-account back-off on password checks: refuses a check (429 `rate-limited`, Retry-After)
 * while the account waits out its last failure, before any scrypt runs; a success resets it.
 * One check per account at a time on each server, so a burst cannot slip in before the
 * failures are counted; a client that gives up frees its account at once, and its attempt goes
 * no further. A store that fails lets the attempt through: the hall keeps working.
 * The stores' windows follow `Date.now()`, as both express-rate-limit stores do.
 */
export function loginBackoff(
  limits: LoginBackoff,
  stores: BackoffStores,
  accountOf: (req: Request) => string,
): RequestHandler {
  const init = (store: Store, windowMs: number) =>
    Promise.resolve(store.init?.({ windowMs } as Options)).catch(() => undefined);
  const ready = Promise.all([
    init(stores.failures, FAILURE_WINDOW_MS),
    init(stores.failureTimes, limits.maxDelayMs),
  ]);
  const checking = new Set<string>();
  const delayAfter = (failures: number) =>
    Math.min(limits.firstDelayMs * 2 ** (failures - limits.freeFailures), limits.maxDelayMs);

  const waitMs = async (account: string): Promise<number> => {
    const failures = (await live(stores.failures.get?.(account)))?.hits ?? 0;
    if (failures < limits.freeFailures) return 0;
    const last = await live(stores.failureTimes.get?.(`${account}#${failures}`));
    if (!last) return 0;
    const failedAt = last.resetAt - limits.maxDelayMs;
    return Math.max(0, failedAt + delayAfter(failures) - Date.now());
  };
  const record = async (account: string, failed: boolean) => {
    if (!failed) return stores.failures.resetKey(account);
    const { totalHits } = await stores.failures.increment(account);
    if (totalHits >= limits.freeFailures)
      await stores.failureTimes.increment(`${account}#${totalHits}`);
  };
  const refuse = (res: Response, ms: number, message: string) => {
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(ms / 1000))));
    sendError(res, apiError('rate-limited', message));
  };

  return async (req, res, next) => {
    const account = accountOf(req);
    if (account === '') return next();
    if (checking.has(account))
      return refuse(res, 1000, 'This account is being signed in already; try again in a second.');
    checking.add(account);
    // Released once, however the attempt ends: a client that gives up while the store hangs
    // (Redis down) must not leave the account "being signed in" until the store answers.
    let held = true;
    const release = () => {
      if (held) checking.delete(account);
      held = false;
    };
    res.once('close', release);
    await ready;
    const wait = await waitMs(account).catch(() => 0);
    // The client left while the store was slow: nobody to answer, no password to check.
    if (!held) return;
    if (wait > 0) {
      release();
      return refuse(
        res,
        wait,
        `Too many wrong passwords for this account; try again in ${Math.ceil(wait / 1000)} s.`,
      );
    }
    // The outcome is counted before the reply goes out (as express-session saves a session
    // before `end`), so the next attempt, on any server, already sees it. 401 is a wrong
    // password (or user name), 2xx a right one; anything else checked no password.
    const end = res.end;
    res.end = function (this: Response, ...args: Parameters<Response['end']>) {
      res.end = end;
      const status = res.statusCode;
      const outcome =
        status === 401 || (status >= 200 && status < 300)
          ? record(account, status === 401).catch(() => undefined)
          : Promise.resolve();
      void outcome.finally(() => {
        release();
        end.apply(this, args);
      });
      return this;
    } as Response['end'];
    next();
  };
}
