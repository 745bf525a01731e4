import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contract/api.js';
import type { FetchInit, FetchLike } from '../../../contract/client.js';
import * as auth from '../../../contract/endpoints/auth.js';
import { STAFF_ROUTES, staffUi } from '../../../ui/staff-ui.js';

const ME: Me = {
  kind: 'user',
  id: 'u1',
  username: 'ayse',
  displayName: 'Ayşe Yılmaz',
  role: 'clerk',
  hallId: 'cankaya',
  passwordChangeRequired: false,
};

/** A server that answers every request with `reply`, and the requests it was sent. */
function page(status: number, reply: unknown) {
  const sent: Array<{ url: string; method: string; body: unknown }> = [];
  const fetch: FetchLike = async (url: string, init: FetchInit) => {
    sent.push({ url, method: init.method, body: init.body && JSON.parse(init.body) });
    return { ok: status < 400, status, json: async () => reply };
  };
  const ui = staffUi({ messages: () => ({}) as never, errorText: () => '', options: { fetch } });
  return { ui, sent };
}

describe('staffUi: the session requests both staff pages send', () => {
  it('when its routes are compared with the contract, then each is the endpoint’s method and path', () => {
    for (const [name, r] of Object.entries(STAFF_ROUTES)) {
      const endpoint = auth[name as keyof typeof STAFF_ROUTES];
      expect({ method: r.method, path: r.path }, name).toEqual({
        method: endpoint.method,
        path: endpoint.path,
      });
    }
  });

  it('when the server names a signed-in user, then the shell gets the user', async () => {
    expect(await page(200, ME).ui.whoAmI()).toEqual(ME);
  });

  it('when the caller is a device key, nobody, or there is no answer, then nobody is signed in', async () => {
    expect(await page(200, { kind: 'device', deviceKind: 'kiosk' }).ui.whoAmI()).toBeNull();
    expect(await page(401, { error: { code: 'unauthenticated', message: '' } }).ui.whoAmI()).toBe(
      null,
    );
  });

  it('when signing in, changing the password and signing out, then the contract’s requests are sent', async () => {
    const { ui, sent } = page(200, ME);
    expect(await ui.signIn('ayse', 'parola-1')).toMatchObject({ ok: true, data: ME });
    await ui.changePassword('parola-1', 'parola-2');
    await ui.signOut();
    expect(sent).toEqual([
      { url: '/api/auth/login', method: 'POST', body: { username: 'ayse', password: 'parola-1' } },
      {
        url: '/api/auth/password',
        method: 'POST',
        body: { currentPassword: 'parola-1', newPassword: 'parola-2' },
      },
      { url: '/api/auth/logout', method: 'POST', body: {} },
    ]);
  });

  it('when a sign-in is refused, then the form gets the server’s code', async () => {
    const { ui } = page(401, { error: { code: 'invalid-credentials', message: 'x' } });
    expect(await ui.signIn('ayse', 'yanlış')).toMatchObject({
      ok: false,
      code: 'invalid-credentials',
    });
  });
});
