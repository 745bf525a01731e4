import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallResult } from '../contract/client.js';

/**
 * Fired (bubbling, composed) after a section saved a change, so the page reloads its settings;
 * a page may name it its own way (`changedEvent`).
 */
export const SETTINGS_CHANGED = 'staff-settings-changed';

/** `editing` while the form adds a new row rather than changing one. */
export const NEW = 'new';

/** What a refused call reports (`CallFailure` of `contract/client.ts`): the server's error. */
export interface ServerError {
  code: string;
  message: string;
  /** For `validation`: the refused field, as a dotted path. */
  field?: string;
}

/** A refusal as the form shows it: the field it names (if the form has it) and what to say. */
export interface FieldError {
  field: string | null;
  text: string;
}

/** What a send resolves to: the contract client's result (it never throws). */
export type Sent<T> = CallResult<T>;

/** A polite announcement under the section's heading: saved, or a row action's outcome. */
export interface Announcement {
  ok: boolean;
  text: string;
}

/** The words of the generic section, in the page's language (the page's catalogue has them). */
export interface SettingsText {
  save: string;
  saving: string;
  saved: string;
  cancel: string;
  edit: string;
  actions: string;
  fixProblems: string;
}

export interface SettingsEditorOptions<Draft> {
  /** The draft of a new row. */
  blank: Draft;
  /** The section's words now (the language may change while it is open). */
  text: () => SettingsText;
  /** A refusal in the page's words, naming the form's field where the server named one. */
  describe: (error: ServerError) => FieldError;
  /** The words for a problem the section's check found (its problem codes); the code itself if none. */
  problemText?: (problem: string) => string | undefined;
  /** The event fired after a change (`SETTINGS_CHANGED` unless said). */
  changedEvent?: string;
}

/** What `save` is asked to do: the draft's problems (field → code), then the request, if any. */
export interface SaveRequest<T> {
  problems: Record<string, string>;
  /** `null`: nothing changed, so nothing is sent (the form closes as if saved). */
  send: (() => Promise<Sent<T>>) | null;
}

/**
 * The state and steps of one list-and-edit settings section: which row is open in the form
 * and its draft, the check's problems and the server's refusal (by field), the busy state, a
 * row action waiting for confirmation, and the polite "saved" announcement. The section renders
 * it with the templates of `settings-section.ts`; it sends through whatever client it is given.
 */
export class SettingsEditor<Draft extends object> implements ReactiveController {
  /** `null` (form closed), `NEW`, or the id of the row being changed. */
  editing: string | null = null;
  draft: Draft;
  problems: Record<string, string> = {};
  serverError: FieldError | null = null;
  /** A row action's refusal (shown above the list). */
  rowError = '';
  busy = false;
  status: Announcement | null = null;
  /** A row action asked for and not yet confirmed. */
  confirming: { id: string; action: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: SettingsEditorOptions<Draft>,
  ) {
    this.draft = options.blank;
    host.addController(this);
  }

  hostConnected(): void {}

  get text(): SettingsText {
    return this.options.text();
  }

  get isNew(): boolean {
    return this.editing === NEW;
  }

  /** Opens the form on a row (`id`) with its draft, or on a new row (`id` null). */
  open(id: string | null, draft: Draft = this.options.blank): void {
    this.editing = id ?? NEW;
    this.draft = draft;
    this.problems = {};
    this.serverError = null;
    this.rowError = '';
    this.status = null;
    this.confirming = null;
    this.host.requestUpdate();
  }

  close(): void {
    this.editing = null;
    this.host.requestUpdate();
  }

  /** Changes the draft; an earlier "saved" no longer describes it. */
  set(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.status = null;
    this.host.requestUpdate();
  }

  /** What to show at a field: the check's problem first, else the server's refusal naming it. */
  problem(field: string): string | undefined {
    const code = this.problems[field];
    if (code !== undefined) return this.options.problemText?.(code) ?? code;
    return this.serverError?.field === field ? this.serverError.text : undefined;
  }

  /** The line under the form's buttons: fix the marked fields, or the server's refusal. */
  get formError(): string | null {
    if (Object.keys(this.problems).length > 0) return this.text.fixProblems;
    return this.serverError?.text ?? null;
  }

  /** Asks to confirm `action` on row `id` (`null` withdraws the question). */
  ask(id: string | null, action = ''): void {
    this.confirming = id === null ? null : { id, action };
    this.host.requestUpdate();
  }

  /** The action row `id` waits to confirm, if any. */
  confirmation(id: string): string | null {
    return this.confirming?.id === id ? this.confirming.action : null;
  }

  /**
   * Saves the form: stops at the check's problems; sends; on a refusal keeps the form open with
   * the server's words at its field; on success closes it, announces "saved" and fires
   * `SETTINGS_CHANGED`. Resolves to the server's reply when one was sent and accepted.
   */
  async save<T>(request: SaveRequest<T>): Promise<T | undefined> {
    this.problems = request.problems;
    this.serverError = null;
    this.status = null;
    this.host.requestUpdate();
    if (Object.keys(request.problems).length > 0) return undefined;
    if (request.send === null) {
      this._succeeded({ ok: true, text: this.text.saved }, false);
      return undefined;
    }
    const r = await this._sending(request.send);
    if (!r.ok) {
      this.serverError = this.options.describe(r);
      this.host.requestUpdate();
      return undefined;
    }
    this._succeeded({ ok: true, text: this.text.saved }, true);
    return r.data;
  }

  /**
   * Runs a row action (retire, revoke, test page…): its refusal shows above the list; on
   * success `done` is announced (if given) and `SETTINGS_CHANGED` fires.
   */
  async run<T>(send: () => Promise<Sent<T>>, done?: string): Promise<T | undefined> {
    this.confirming = null;
    this.rowError = '';
    this.status = null;
    const r = await this._sending(send);
    if (!r.ok) {
      this.rowError = this.options.describe(r).text;
      this.host.requestUpdate();
      return undefined;
    }
    this.status = done === undefined ? null : { ok: true, text: done };
    this.changed();
    return r.data;
  }

  /** Announces an outcome politely (e.g. a test page printed, or not). */
  announce(status: Announcement | null): void {
    this.status = status;
    this.host.requestUpdate();
  }

  /** Tells the page the settings changed (it reloads them). */
  changed(): void {
    const name = this.options.changedEvent ?? SETTINGS_CHANGED;
    this.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  private async _sending<T>(send: () => Promise<Sent<T>>): Promise<Sent<T>> {
    this.busy = true;
    this.host.requestUpdate();
    try {
      return await send();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private _succeeded(status: Announcement, changed: boolean): void {
    this.editing = null;
    this.status = status;
    this.host.requestUpdate();
    if (changed) this.changed();
  }
}
