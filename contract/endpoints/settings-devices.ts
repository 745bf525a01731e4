import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { deviceViewReply, displaySignsReply, pairedDeviceReply } from '../reply-schemas.js';
import { id } from '../request-schemas.js';
import { deviceCreateBody, devicePatchBody } from '../settings-schemas.js';

export const deviceParams = z.strictObject({ deviceId: id });

export const createDevice = endpoint({
  method: 'post',
  path: '/devices',
  summary: 'Register a kiosk or display; the reply holds its pairing link, shown this once.',
  tag: 'settings',
  body: deviceCreateBody,
  status: 201,
  reply: pairedDeviceReply,
});

export const updateDevice = endpoint({
  method: 'patch',
  path: '/devices/:deviceId',
  summary:
    "Rename a device, change a kiosk's printer, or set a display to the whole hall or one counter's sign (the display follows at once).",
  tag: 'settings',
  params: deviceParams,
  body: devicePatchBody,
  reply: deviceViewReply,
});

export const displaySigns = endpoint({
  method: 'get',
  path: '/devices/signs',
  summary: "Which displays show one counter's sign, and the hall's counters they may show.",
  tag: 'settings',
  reply: displaySignsReply,
});

export const revokeDevice = endpoint({
  method: 'post',
  path: '/devices/:deviceId/revoke',
  summary: 'Revoke a device: its key stops working and its live connection is dropped.',
  tag: 'settings',
  params: deviceParams,
  reply: deviceViewReply,
});
