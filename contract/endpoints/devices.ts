import { endpoint } from '../endpoint.js';
import { deviceSetupReply, deviceStatusesReply } from '../reply-schemas.js';

export const deviceStatuses = endpoint({
  method: 'get',
  path: '/devices/status',
  summary: "The hall's kiosks and displays: connected now or not, and when last seen.",
  tag: 'devices',
  reply: deviceStatusesReply,
});

export const deviceSetup = endpoint({
  method: 'get',
  path: '/devices/me',
  summary:
    "What this device is set to show (by its key): a display shows the whole hall or one counter's sign.",
  tag: 'devices',
  reply: deviceSetupReply,
});
