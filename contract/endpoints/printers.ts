import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { printerStatusesReply, printTestReply } from '../reply-schemas.js';
import { id } from '../request-schemas.js';

export const printerParams = z.strictObject({ printerId: id });

export const printerStatuses = endpoint({
  method: 'get',
  path: '/printers',
  summary: "The hall's ticket printers: online, offline after a failed job, or not yet used.",
  tag: 'printers',
  reply: printerStatusesReply,
});

export const testPrinter = endpoint({
  method: 'post',
  path: '/printers/:printerId/test',
  summary: 'Print a test page (settings, Turkish letters, a ruler, a QR code).',
  tag: 'printers',
  params: printerParams,
  reply: printTestReply,
});
