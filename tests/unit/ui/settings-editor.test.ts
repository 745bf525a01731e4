import { describe, expect, it } from 'vitest';
import {
  NEW,
  SETTINGS_CHANGED,
  SettingsEditor,
  type Sent,
  type SettingsEditorOptions,
} from '../../../ui/settings-editor.js';

interface Draft {
  name: string;
}

const TEXT = {
  save: 'Kaydet',
  saving: 'Kaydediliyor…',
  saved: 'Kaydedildi.',
  cancel: 'Vazgeç',
  edit: 'Düzenle',
  actions: 'İşlemler',
  fixProblems: 'Kaydetmeden önce işaretli alanları düzeltin.',
};

/** A host as a Lit element is one to a controller: it counts updates and hears events. */
class Host extends EventTarget {
  updates = 0;
  changes: string[] = [];
  readonly updateComplete = Promise.resolve(true);
  addController(): void {}
  removeController(): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
  listen(name: string): void {
    this.addEventListener(name, () => this.changes.push(name));
  }
}

function editor(options: Partial<SettingsEditorOptions<Draft>> = {}) {
  const host = new Host();
  host.listen(options.changedEvent ?? SETTINGS_CHANGED);
  const e = new SettingsEditor<Draft>(host, {
    blank: { name: '' },
    text: () => TEXT,
    describe: (error) => ({
      field: error.field ?? null,
      text: error.field ? `Ad: ${error.message}` : error.message,
    }),
    problemText: (p) => ({ required: 'Bu alan gerekli.' })[p],
    ...options,
  });
  return { host, e };
}

/** A send the test answers when it likes, to look at the editor while it waits. */
function pending<T>() {
  let answer!: (r: Sent<T>) => void;
  let sent = 0;
  const send = () => {
    sent += 1;
    return new Promise<Sent<T>>((resolve) => (answer = resolve));
  };
  return { send, answer: (r: Sent<T>) => answer(r), sent: () => sent };
}

describe('SettingsEditor: one list-and-edit settings section', () => {
  it('when a row is opened, then its draft is in the form and an earlier outcome is cleared', () => {
    const { e } = editor();
    e.announce({ ok: true, text: 'Kaydedildi.' });
    e.open('vezne', { name: 'Vezne' });
    expect(e.editing).toBe('vezne');
    expect(e.draft).toEqual({ name: 'Vezne' });
    expect(e.status).toBeNull();
    e.open(null);
    expect(e.isNew).toBe(true);
    expect(e.editing).toBe(NEW);
    expect(e.draft).toEqual({ name: '' });
  });

  it('when the check finds problems, then nothing is sent, the form stays open and names them', async () => {
    const { e, host } = editor();
    const server = pending<Draft>();
    e.open(null);
    const r = await e.save({ problems: { name: 'required' }, send: server.send });
    expect(r).toBeUndefined();
    expect(server.sent()).toBe(0);
    expect(e.editing).toBe(NEW);
    expect(e.problem('name')).toBe('Bu alan gerekli.');
    expect(e.formError).toBe(TEXT.fixProblems);
    expect(host.changes).toEqual([]);
  });

  it('when the server refuses naming a field, then the form stays open with its words at that field', async () => {
    const { e, host } = editor();
    e.open('vezne', { name: 'Vezne' });
    const server = pending<Draft>();
    const saving = e.save({ problems: {}, send: server.send });
    expect(e.busy).toBe(true);
    server.answer({
      ok: false,
      status: 400,
      code: 'validation',
      message: 'bu ad alınmış',
      field: 'name',
    });
    expect(await saving).toBeUndefined();
    expect(e.busy).toBe(false);
    expect(e.editing).toBe('vezne');
    expect(e.problem('name')).toBe('Ad: bu ad alınmış');
    expect(e.problem('prefix')).toBeUndefined();
    expect(e.formError).toBe('Ad: bu ad alınmış');
    expect(e.status).toBeNull();
    expect(host.changes).toEqual([]);
  });

  it('when the save is accepted, then the form closes, "saved" is announced and the page told once', async () => {
    const { e, host } = editor();
    e.open(null, { name: 'Nikah' });
    const server = pending<{ id: string }>();
    const saving = e.save({ problems: {}, send: server.send });
    server.answer({ ok: true, status: 201, data: { id: 'nikah' } });
    expect(await saving).toEqual({ id: 'nikah' });
    expect(e.editing).toBeNull();
    expect(e.busy).toBe(false);
    expect(e.status).toEqual({ ok: true, text: 'Kaydedildi.' });
    expect(host.changes).toEqual([SETTINGS_CHANGED]);
    expect(host.updates).toBeGreaterThan(0);
  });

  it('when nothing changed, then nothing is sent, the form closes as saved and the page is not told', async () => {
    const { e, host } = editor();
    e.open('vezne', { name: 'Vezne' });
    expect(await e.save({ problems: {}, send: null })).toBeUndefined();
    expect(e.editing).toBeNull();
    expect(e.status?.text).toBe('Kaydedildi.');
    expect(host.changes).toEqual([]);
  });

  it('when the draft is edited after a save, then "saved" no longer shows', async () => {
    const { e } = editor();
    await e.save({ problems: {}, send: null });
    e.set({ name: 'Salon' });
    expect(e.status).toBeNull();
    expect(e.draft.name).toBe('Salon');
  });

  it('when a row action is refused, then the refusal shows above the list and the page is not told', async () => {
    const { e, host } = editor();
    e.ask('kiosk-1', 'revoke');
    expect(e.confirmation('kiosk-1')).toBe('revoke');
    expect(e.confirmation('kiosk-2')).toBeNull();
    const r = await e.run(async () => ({
      ok: false as const,
      status: 404,
      code: 'not-found' as const,
      message: 'Kayıt bulunamadı.',
    }));
    expect(r).toBeUndefined();
    expect(e.rowError).toBe('Kayıt bulunamadı.');
    expect(e.confirmation('kiosk-1')).toBeNull();
    expect(host.changes).toEqual([]);
  });

  it('when a row action succeeds, then its outcome is announced and the page told, under the page’s event name', async () => {
    const { e, host } = editor({ changedEvent: 'manager-settings-changed' });
    const r = await e.run(
      async () => ({ ok: true as const, status: 200, data: 'ok' }),
      'Kaydedildi.',
    );
    expect(r).toBe('ok');
    expect(e.rowError).toBe('');
    expect(e.status).toEqual({ ok: true, text: 'Kaydedildi.' });
    expect(host.changes).toEqual(['manager-settings-changed']);
  });

  it('when the check and the server both name a field, then the check’s problem shows', async () => {
    const { e } = editor();
    await e.save({
      problems: {},
      send: async () => ({
        ok: false,
        status: 400,
        code: 'validation',
        message: 'x',
        field: 'name',
      }),
    });
    e.problems = { name: 'required' };
    expect(e.problem('name')).toBe('Bu alan gerekli.');
  });
});
