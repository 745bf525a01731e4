import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang } from '../../contract/domain.js';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  retryWebhookNow,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
  type WebhookView,
} from '../../contract/webhooks.js';
import { checkField, inputField } from '../../ui/settings-fields.js';
import {
  confirmInRow,
  editForm,
  rowActions,
  settingsCard,
  settingsTable,
} from '../../ui/settings-section.js';
import { errorText } from './i18n.js';
import { webhookMessages } from './i18n-webhooks.js';
import { managerEditor, patchOf } from './settings-editor.js';
import { webhookStyles } from './manager-settings-webhooks.styles.js';
import { formatClock } from './state/format.js';
import { eventChoice, personalDataChoice } from './manager-settings-webhooks-fields.js';
import {
  draftOfWebhook,
  EMPTY_WEBHOOK,
  mayRetryNow,
  webhookProblems,
  type WebhookDraft,
} from './state/webhooks.js';
import './manager-secret-reveal.js';
import './manager-settings-webhooks-log.js';
import { PollController } from './poll-controller.js';

/** How often the list (and its delivery states) is read again while shown. */
const POLL_MS = 5_000;

/**
 * Ayarlar → Entegrasyonlar: the hall's webhook endpoints with their delivery state, the form
 * (name, URL, events by group, personal data with its KVKK warning and confirmation, on/off),
 * the secret shown once after adding or renewing it, and each endpoint's delivery log. Admins
 * change; managers (`canEdit` false) read.
 */
@customElement('manager-settings-webhooks')
export class ManagerSettingsWebhooks extends LitElement {
  static override styles = webhookStyles;

  private _editor = managerEditor(this, EMPTY_WEBHOOK, () => {
    const w = webhookMessages(this.language);
    return { name: w.name, url: w.url, events: w.events, personalData: w.personalData };
  });

  @state() private _list: WebhookView[] | null = null;
  @state() private _loadError = '';
  @state() private _secret: { name: string; secret: string } | null = null;
  @state() private _logFor: string | null = null;
  @state() private _personalConfirmed = false;
  private _poll = new PollController(this, POLL_MS, () => this._load());

  /** Admins add and change endpoints; managers see them read-only. */
  @property({ type: Boolean }) canEdit = false;
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override render() {
    const w = webhookMessages(this.language);
    const e = this._editor;
    const list = this._list ?? [];
    const logged = list.find((x) => x.id === this._logFor);
    return settingsCard(e, {
      id: 'webhooks-heading',
      heading: w.heading,
      intro: this.canEdit ? w.intro : `${w.intro} ${w.readOnlyNote}`,
      ...(this.canEdit ? { add: { label: w.add, onClick: () => this._open(null) } } : {}),
      body: html`${
        this._loadError ? html`<p class="error" role="alert">${this._loadError}</p>` : nothing
      }
      ${
        this._secret
          ? html`<manager-secret-reveal
              .heading=${w.secretHeading(this._secret.name)}
              .secret=${this._secret.secret}
              .help=${w.secretHelp}
              .language=${this.language}
              @manager-secret-dismissed=${() => (this._secret = null)}
            ></manager-secret-reveal>`
          : nothing
      }
      ${e.editing ? this._renderForm() : nothing}
      ${
        this._list === null && !this._loadError
          ? html`<p class="muted" role="status">…</p>`
          : settingsTable({
              key: 'webhook',
              id: (x) => x.id,
              off: (x) => !x.active,
              rows: list,
              empty: w.none,
              columns: [
                { label: w.name, cell: (x) => x.name, rowHeader: true },
                { label: w.url, cell: (x) => html`<span class="url">${x.url}</span>` },
                {
                  label: w.events,
                  cell: (x) =>
                    html`<span title=${x.events.map((t) => w.eventTypes[t]).join(', ')}
                      >${w.eventsCount(x.events.length)}</span
                    >`,
                },
                {
                  label: w.personalData,
                  cell: (x) => (x.personalData ? w.personalYes : w.personalNo),
                },
                { label: w.status, cell: (x) => this._renderStatus(x) },
                { label: this._editor.text.actions, cell: (x) => this._renderActions(x) },
              ],
            })
      }
      ${
        logged
          ? html`<manager-settings-webhooks-log
              .webhook=${logged}
              .canEdit=${this.canEdit}
              .timeZone=${this.timeZone}
              .language=${this.language}
              @manager-webhooks-changed=${() => void this._load()}
            ></manager-settings-webhooks-log>`
          : nothing
      }`,
    });
  }

  private _renderStatus(x: WebhookView) {
    const w = webhookMessages(this.language);
    const s = x.status;
    const clock = (at: number) => formatClock(this.language, at, this.timeZone);
    return html`<span class="badge" data-state=${s.state} data-testid="webhook-state"
        >${w.states[s.state]}</span
      >
      ${
        s.nextAttemptAt !== null && s.state !== 'paused'
          ? html`<span class="small">${w.nextAttempt}: ${clock(s.nextAttemptAt)}</span>`
          : nothing
      }
      ${
        s.lastError && (s.state === 'retrying' || s.state === 'failing')
          ? html`<span class="small">${w.lastError}: ${s.lastError}</span>`
          : nothing
      }
      ${
        s.state === 'ok' && s.lastSuccessAt !== null
          ? html`<span class="small">${w.lastSuccess}: ${clock(s.lastSuccessAt)}</span>`
          : nothing
      }`;
  }

  private _renderActions(x: WebhookView) {
    const w = webhookMessages(this.language);
    const e = this._editor;
    const asked = e.confirmation(x.id);
    if (asked === 'rotate' || asked === 'remove') {
      const rotate = asked === 'rotate';
      return confirmInRow(e, {
        question: rotate ? w.confirmRotate(x.name) : w.confirmRemove(x.name),
        confirm: rotate ? w.rotate : w.remove,
        onConfirm: () => void (rotate ? this._rotate(x) : this._remove(x)),
      });
    }
    const shown = this._logFor === x.id;
    const log = {
      label: shown ? w.hideLog : w.log,
      onClick: () => (this._logFor = shown ? null : x.id),
    };
    if (!this.canEdit) return rowActions(x.name, [log]);
    return rowActions(x.name, [
      { label: e.text.edit, onClick: () => this._open(x) },
      { label: w.test, onClick: () => void this._test(x) },
      mayRetryNow(x) && { label: w.retryNow, onClick: () => void this._retry(x) },
      log,
      { label: w.rotate, onClick: () => e.ask(x.id, 'rotate') },
      { label: w.remove, onClick: () => e.ask(x.id, 'remove') },
    ]);
  }

  private _renderForm() {
    const w = webhookMessages(this.language);
    const e = this._editor;
    const d = e.draft;
    const editing = this._list?.find((x) => x.id === e.editing);
    const turningOn = d.personalData && !(editing?.personalData ?? false);
    return editForm(e, {
      id: 'webhook-form-heading',
      heading: editing ? `${w.edit}: ${editing.name}` : w.add,
      onSubmit: () => void this._save(),
      fields: html`
        ${inputField({ id: 'name', label: w.name, value: d.name, problem: e.problem('name'), onInput: (v) => e.set({ name: v }) })}
        ${inputField({ id: 'url', label: w.url, value: d.url, wide: true, help: w.urlHelp, problem: e.problem('url'), onInput: (v) => e.set({ url: v }) })}
        ${eventChoice({ w, events: d.events, problem: e.problem('events'), onChange: (events) => e.set({ events }) })}
        ${personalDataChoice({ w, on: d.personalData, turningOn, confirmed: this._personalConfirmed, problem: e.problem('personalData'), onChange: (v) => this._setPersonal(v), onConfirm: (v) => (this._personalConfirmed = v) })}
        ${checkField({ id: 'active', label: w.active, checked: d.active, onChange: (v) => e.set({ active: v }) })}
      `,
    });
  }

  private _open(x: WebhookView | null): void {
    this._personalConfirmed = false;
    this._editor.open(x?.id ?? null, x ? draftOfWebhook(x) : EMPTY_WEBHOOK);
  }

  private _setPersonal(on: boolean): void {
    if (!on) this._personalConfirmed = false;
    this._editor.set({ personalData: on });
  }

  private async _save(): Promise<void> {
    const e = this._editor;
    const w = webhookMessages(this.language);
    const current = this._list?.find((x) => x.id === e.editing) ?? null;
    const d = e.draft;
    const input: WebhookDraft = { ...d, name: d.name.trim(), url: d.url.trim() };
    const problems: Record<string, string> = webhookProblems(input);
    // Said for this form rather than as the generic "not accepted".
    if (problems.events) problems.events = w.noEvents;
    if (problems.url && problems.url !== 'required' && problems.url !== 'too-long')
      problems.url = w.urlInvalid;
    const turningOn = input.personalData && !(current?.personalData ?? false);
    // A plain "are you sure" cannot be clicked through: the tick names what is agreed to.
    if (turningOn && !this._personalConfirmed) problems.personalData = w.personalDataUnconfirmed;
    if (current) {
      await e.save({
        problems,
        send: patchOf(draftOfWebhook(current), input, (body) =>
          call(updateWebhook, { params: { webhookId: current.id }, body }),
        ),
      });
    } else {
      const made = await e.save({ problems, send: () => call(createWebhook, { body: input }) });
      if (made) this._secret = { name: made.webhook.name, secret: made.secret };
    }
    await this._load();
  }

  private async _rotate(x: WebhookView): Promise<void> {
    const w = webhookMessages(this.language);
    const r = await this._editor.run(
      () => call(rotateWebhookSecret, { params: { webhookId: x.id } }),
      w.rotated(x.name),
    );
    if (r) this._secret = { name: r.webhook.name, secret: r.secret };
  }

  private async _remove(x: WebhookView): Promise<void> {
    const w = webhookMessages(this.language);
    await this._editor.run(
      () => call(deleteWebhook, { params: { webhookId: x.id } }),
      w.removed(x.name),
    );
    if (this._logFor === x.id) this._logFor = null;
    await this._load();
  }

  private async _retry(x: WebhookView): Promise<void> {
    const w = webhookMessages(this.language);
    await this._editor.run(
      () => call(retryWebhookNow, { params: { webhookId: x.id } }),
      w.retryAsked(x.name),
    );
    await this._load();
  }

  /** Sends a test event; how it went is announced, and the log shows it. */
  private async _test(x: WebhookView): Promise<void> {
    const w = webhookMessages(this.language);
    const e = this._editor;
    e.announce(null);
    const r = await call(testWebhook, { params: { webhookId: x.id } });
    e.announce(
      !r.ok
        ? { ok: false, text: `${x.name}: ${errorText(this.language, r.code)}` }
        : r.data.ok
          ? { ok: true, text: w.sentOk(x.name, r.data.httpStatus) }
          : { ok: false, text: w.sentFailed(x.name, r.data.error ?? `HTTP ${r.data.httpStatus}`) },
    );
    this._logFor = x.id;
    await this._load();
  }

  private _load = async (): Promise<void> => {
    const r = await call(listWebhooks);
    if (r.ok) {
      this._list = r.data;
      this._loadError = '';
      return;
    }
    if (r.status === 401) {
      this.dispatchEvent(
        new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
      );
      return;
    }
    this._loadError = errorText(this.language, r.code);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-webhooks': ManagerSettingsWebhooks;
  }
}
