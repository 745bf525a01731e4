import { z } from 'zod';
import { id } from '../../../contract/settings-schemas.js';

/** Ids in config: lower-case slugs or uuids (one definition, in contract/). */
export { id };
/** A ticket number as printed (`V012`, `İ004`); case-insensitive. */
export const ticketNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-zÇĞİÖŞÜçğıöşü]{1,2}\d{3,5}$/u, 'expected a ticket number such as V012');
/** An unguessable ticket status code (base64url, 128 bits). */
export const ticketCode = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected a ticket code');
export const lang = z.enum(['tr', 'en']);
export const priorityGroup = z.enum(['elderly', 'disabled', 'pregnant', 'veteran']);
export const outcome = z.enum(['resolved', 'forwarded']);
export const pauseReason = z.enum(['break', 'paperwork', 'system']);

export const hallParams = z.strictObject({ hallId: id });
export const counterParams = z.strictObject({ counterId: id });
export const codeParams = z.strictObject({ code: ticketCode });
