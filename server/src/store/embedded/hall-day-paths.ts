import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isCalendarDay } from '../../domain/local-day.js';
import { errorCode } from './durable-fs.js';

const HALL_ID = /^[a-z0-9-]{1,40}$/;

/** Throws unless `hallId` is safe as a folder name (no dots or slashes, so no path traversal). */
export function assertHallId(hallId: string): void {
  if (typeof hallId !== 'string' || !HALL_ID.test(hallId)) {
    throw new Error(
      `Invalid hall id ${JSON.stringify(hallId)}: expected 1–40 characters a-z, 0-9, "-".`,
    );
  }
}

/** Throws unless `day` is a real calendar date written `YYYY-MM-DD`. */
export function assertDay(day: string): void {
  if (typeof day !== 'string' || !isCalendarDay(day)) {
    throw new Error(`Invalid day ${JSON.stringify(day)}: expected a date written YYYY-MM-DD.`);
  }
}

/** `<root>/<hallId>/<day><extension>`, after validating both names. */
export function hallDayFile(root: string, hallId: string, day: string, extension: string): string {
  assertHallId(hallId);
  assertDay(day);
  return path.join(root, hallId, `${day}${extension}`);
}

/** The days that have a `<day><extension>` file under `<root>/<hallId>/`, ascending. */
export async function listDays(root: string, hallId: string, extension: string): Promise<string[]> {
  assertHallId(hallId);
  let names: string[];
  try {
    names = await readdir(path.join(root, hallId));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return [];
    throw err;
  }
  return names
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length))
    .filter(isCalendarDay)
    .sort();
}
