import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contract/api.js';
import { staffUi } from '../../../ui/staff-ui.js';

const ME: Me = {
  kind: 'user',
  id: 'u1',
  username: 'ayse',
  displayName: 'Ayşe Yılmaz',
  role: 'clerk',
  hallId: 'cankaya',
  passwordChangeRequired: false,
};

function page(answer: { ok: true; data: unknown } | { ok: false }) {
  const posted: Array<[string, unknown]> = [];
  const ui = staffUi({
    messages: () => ({}) as never,
    errorText: () => '',
    post: async (path, body) => {
      posted.push([path, body]);
      return { ok: true, data: ME };
    },
    get: async () => answer,
  });
  return { ui, posted };
}

describe('staffUi: the session requests both staff pages send', () => {
  it('when the server names a signed-in user, then the shell gets the user', async () => {
    expect(await page({ ok: true, data: ME }).ui.whoAmI()).toEqual(ME);
  });

  it('when the caller is a device key or nobody, or there is no answer, then nobody is signed in', async () => {
    expect(await page({ ok: true, data: { kind: 'device' } }).ui.whoAmI()).toBeNull();
    expect(await page({ ok: false }).ui.whoAmI()).toBeNull();
  });

  it('when signing in, out or changing the password, then the same three requests are sent', async () => {
    const { ui, posted } = page({ ok: false });
    await ui.signIn('ayse', 'parola-1');
    await ui.changePassword('parola-1', 'parola-2');
    await ui.signOut();
    expect(posted).toEqual([
      ['/auth/login', { username: 'ayse', password: 'parola-1' }],
      ['/auth/password', { currentPassword: 'parola-1', newPassword: 'parola-2' }],
      ['/auth/logout', {}],
    ]);
  });
});
