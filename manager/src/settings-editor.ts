import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../contract/domain.js';
import { SettingsEditor } from '../../ui/settings-editor.js';
import { errorText, messages, type Messages } from './i18n.js';
import { changedFields, describeServerError } from './state/settings-validation.js';

/**
 * A settings section's editor (`ui/settings-editor.ts`) speaking the manager's catalogue: its
 * words in the section's language, the check's problem codes as sentences, and a server
 * refusal naming the field by its label (`labels`: field path as the server names it → label).
 */
export function managerEditor<Draft extends object>(
  host: ReactiveControllerHost & EventTarget & { language: Lang },
  blank: Draft,
  labels: (m: Messages) => Record<string, string> = () => ({}),
): SettingsEditor<Draft> {
  return new SettingsEditor<Draft>(host, {
    blank,
    text: () => messages(host.language),
    describe: (error) =>
      describeServerError(
        error,
        labels(messages(host.language)),
        errorText(host.language, error.code),
      ),
    // The settings view reloads on it, and the desk polls the printers' state.
    changedEvent: 'manager-settings-changed',
    problemText: (p) => (messages(host.language).problems as Record<string, string>)[p],
  });
}

/**
 * The PATCH that saves a changed record: a send of only the fields that differ from `before`,
 * or `null` when none differ (nothing to send).
 */
export function patchOf<T extends object, R>(
  before: T,
  after: T,
  send: (patch: Partial<T>) => Promise<R>,
): (() => Promise<R>) | null {
  const patch = changedFields(before, after);
  return Object.keys(patch).length === 0 ? null : () => send(patch);
}
