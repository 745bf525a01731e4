import { endpoint } from '../endpoint.js';
import {
  directorateChoicesReply,
  displaySnapshotReply,
  hallListReply,
  serviceViewsReply,
  staffSnapshotReply,
} from '../reply-schemas.js';
import { hallParams } from '../request-schemas.js';

export const listHalls = endpoint({
  method: 'get',
  path: '/halls',
  summary: 'The service halls: id, name and time zone.',
  tag: 'halls',
  reply: hallListReply,
});

export const hallServices = endpoint({
  method: 'get',
  path: '/halls/:hallId/services',
  summary: "The hall's services with people waiting and the estimated wait (kiosk buttons).",
  tag: 'halls',
  params: hallParams,
  reply: serviceViewsReply,
});

export const hallQueue = endpoint({
  method: 'get',
  path: '/halls/:hallId/queue',
  summary: "Today's full queue of the hall for staff: counters, services, open and recent tickets.",
  tag: 'halls',
  params: hallParams,
  reply: staffSnapshotReply,
});

export const hallDisplay = endpoint({
  method: 'get',
  path: '/halls/:hallId/display',
  summary: 'What the lobby display shows: current calls, recent calls, waiting per service.',
  tag: 'halls',
  params: hallParams,
  reply: displaySnapshotReply,
});

export const directorateChoices = endpoint({
  method: 'get',
  path: '/halls/:hallId/directorates',
  summary:
    'Directorates a clerk may forward a visit to: active ones, the most forwarded today first.',
  tag: 'halls',
  params: hallParams,
  reply: directorateChoicesReply,
});
