/** PostgreSQL's unique_violation, with the constraint (or unique index) that refused the row. */
export function uniqueViolation(err: unknown): { constraint: string | undefined } | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; constraint?: unknown };
  if (e.code !== '23505') return null;
  return { constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** PostgreSQL would also take `2025-3-14`; the journal keys days by their exact name only. */
export function checkDay(day: string): void {
  if (!DAY.test(day)) throw new Error(`Invalid day ${JSON.stringify(day)}: expected YYYY-MM-DD.`);
}
