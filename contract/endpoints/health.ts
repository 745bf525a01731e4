import { endpoint } from '../endpoint.js';
import { healthReply } from '../reply-schemas.js';

export const health = endpoint({
  method: 'get',
  path: '/health',
  summary: 'Liveness and version; used by monitoring and the kiosk connection check.',
  tag: 'system',
  reply: healthReply,
});
