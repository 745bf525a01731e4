import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { counterReply, serviceReply } from '../reply-schemas.js';
import { counterParams, id } from '../request-schemas.js';
import {
  counterCreateBody,
  counterPatchBody,
  serviceCreateBody,
  servicePatchBody,
} from '../settings-schemas.js';

export const serviceParams = z.strictObject({ serviceId: id });

export const createService = endpoint({
  method: 'post',
  path: '/services',
  summary: 'Add a service (names TR/EN, ticket prefix, target minutes).',
  tag: 'settings',
  body: serviceCreateBody,
  status: 201,
  reply: serviceReply,
});

export const updateService = endpoint({
  method: 'patch',
  path: '/services/:serviceId',
  summary: 'Change a service; deactivate instead of deleting (history refers to it).',
  tag: 'settings',
  params: serviceParams,
  body: servicePatchBody,
  reply: serviceReply,
});

export const createCounter = endpoint({
  method: 'post',
  path: '/counters',
  summary: 'Add a counter: its number, name and the services it covers with weights.',
  tag: 'settings',
  body: counterCreateBody,
  status: 201,
  reply: counterReply,
});

export const updateCounter = endpoint({
  method: 'patch',
  path: '/counters/:counterId',
  summary:
    'Change a counter. Coverage may change during a visit (it decides only who is called next).',
  tag: 'settings',
  params: counterParams,
  body: counterPatchBody,
  reply: counterReply,
});
