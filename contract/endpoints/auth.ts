import * as z from 'zod/mini';
import { endpoint, NO_CONTENT } from '../endpoint.js';
import { PASSWORD_MAX_LENGTH } from '../password.js';
import { meReply, whoAmIReply } from '../reply-schemas.js';
import { loginBody } from '../request-schemas.js';

export const signIn = endpoint({
  method: 'post',
  path: '/auth/login',
  summary: 'Staff sign-in; sets an HttpOnly, SameSite=Strict session cookie.',
  tag: 'auth',
  body: loginBody,
  reply: meReply,
});

export const signOut = endpoint({
  method: 'post',
  path: '/auth/logout',
  summary: 'Ends the session (and its live sockets).',
  tag: 'auth',
  status: 204,
  reply: NO_CONTENT,
});

export const whoAmI = endpoint({
  method: 'get',
  path: '/auth/me',
  summary: 'Who this browser is: the signed-in user, or the paired device.',
  tag: 'auth',
  reply: whoAmIReply,
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
  newPassword: z.string().check(z.maxLength(PASSWORD_MAX_LENGTH)),
});

export const changePassword = endpoint({
  method: 'post',
  path: '/auth/password',
  summary:
    "Change one's own password (required after signing in with a one-time password); ends the user's other sessions.",
  tag: 'auth',
  body: changePasswordBody,
  reply: meReply,
});
