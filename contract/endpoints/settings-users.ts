import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { userViewReply, userWithPasswordReply } from '../reply-schemas.js';
import { id } from '../request-schemas.js';
import { userCreateBody, userPatchBody } from '../settings-schemas.js';

export const userParams = z.strictObject({ userId: id });

export const createUser = endpoint({
  method: 'post',
  path: '/users',
  summary: 'Add a staff user; the reply holds a random password, shown this once.',
  tag: 'settings',
  body: userCreateBody,
  status: 201,
  reply: userWithPasswordReply,
});

export const updateUser = endpoint({
  method: 'patch',
  path: '/users/:userId',
  summary:
    "Change a user's name or role, or (de)activate them; a role change or deactivation ends their sessions.",
  tag: 'settings',
  params: userParams,
  body: userPatchBody,
  reply: userViewReply,
});

export const resetPassword = endpoint({
  method: 'post',
  path: '/users/:userId/reset-password',
  summary: "Give a user a new random password (shown this once); ends the user's sessions.",
  tag: 'settings',
  params: userParams,
  reply: userWithPasswordReply,
});
