import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { directorateReply } from '../reply-schemas.js';
import { id } from '../request-schemas.js';
import { directorateCreateBody, directoratePatchBody } from '../settings-schemas.js';

export const directorateParams = z.strictObject({ directorateId: id });

export const createDirectorate = endpoint({
  method: 'post',
  path: '/directorates',
  summary: 'Add a directorate visits may be forwarded to (Turkish name, optional English).',
  tag: 'settings',
  body: directorateCreateBody,
  status: 201,
  reply: directorateReply,
});

export const updateDirectorate = endpoint({
  method: 'patch',
  path: '/directorates/:directorateId',
  summary:
    'Rename a directorate, or retire it (`active: false`; never deleted: history keeps its name).',
  tag: 'settings',
  params: directorateParams,
  body: directoratePatchBody,
  reply: directorateReply,
});
