import { endpoint } from '../endpoint.js';
import { printerViewReply } from '../reply-schemas.js';
import { printerCreateBody, printerPatchBody } from '../settings-schemas.js';
import { printerParams } from './printers.js';

export const createPrinter = endpoint({
  method: 'post',
  path: '/printers',
  summary: 'Add a ticket printer (tcp host:port, a /dev device, or none).',
  tag: 'settings',
  body: printerCreateBody,
  status: 201,
  reply: printerViewReply,
});

export const updatePrinter = endpoint({
  method: 'patch',
  path: '/printers/:printerId',
  summary: "Change a printer's name, transport, address, paper width or code page number.",
  tag: 'settings',
  params: printerParams,
  body: printerPatchBody,
  reply: printerViewReply,
});
