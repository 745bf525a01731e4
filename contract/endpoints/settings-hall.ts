import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { auditReply, hallReply, settingsReply } from '../reply-schemas.js';
import { hallParams } from '../request-schemas.js';
import { hallPatchBody } from '../settings-schemas.js';

export const settingsOverview = endpoint({
  method: 'get',
  path: '/settings',
  summary: 'Everything an admin edits for their hall (no password or device key hashes).',
  tag: 'settings',
  reply: settingsReply,
});

export const updateHall = endpoint({
  method: 'patch',
  path: '/halls/:hallId',
  summary:
    'Hall name, time zone, priority interleave ratio, escalation limit, no-show grace, note retention, tickets when no counter is open (issue or refuse).',
  tag: 'settings',
  params: hallParams,
  body: hallPatchBody,
  reply: hallReply,
});

export const auditQuery = z.strictObject({
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(1000))), 100),
});

export const auditLog = endpoint({
  method: 'get',
  path: '/audit',
  summary: 'Who changed which setting, when: newest first.',
  tag: 'settings',
  query: auditQuery,
  reply: auditReply,
});
