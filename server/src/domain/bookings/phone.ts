/**
 * A Turkish mobile number as the server keeps it, `05xxxxxxxxx`, from what a visitor typed
 * (`0532 123 45 67`, `+90 532 123-45-67`, `5321234567`); null when it is not one.
 */
export function normalisePhone(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '').replace(/^\+/, '');
  const national = /^(?:90|0)?(5\d{9})$/.exec(digits);
  return national ? `0${national[1]}` : null;
}
