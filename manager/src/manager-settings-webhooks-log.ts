import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang } from '../../contract/domain.js';
import {
  resendWebhookEvent,
  webhookDeliveries,
  type WebhookLogEntry,
  type WebhookView,
} from '../../contract/webhooks.js';
import { rowActions, settingsTable } from '../../ui/settings-section.js';
import { errorText } from './i18n.js';
import { webhookMessages } from './i18n-webhooks.js';
import { webhookStyles } from './manager-settings-webhooks.styles.js';
import { formatClock } from './state/format.js';
import { PollController } from './poll-controller.js';

const POLL_MS = 5_000;

/**
 * One endpoint's last deliveries, newest first: when, which event, which try, the receiver's
 * HTTP status, how long it took and the error; an admin may send a logged event again (same
 * event id). Read again every few seconds while open.
 */
@customElement('manager-settings-webhooks-log')
export class ManagerSettingsWebhooksLog extends LitElement {
  static override styles = [
    webhookStyles,
    css`
      section {
        margin-top: 14px;
      }
      h3 {
        margin: 0 0 8px;
      }
      .fail {
        color: var(--manager-red-text);
        font-weight: 700;
      }
    `,
  ];

  @state() private _log: WebhookLogEntry[] | null = null;
  @state() private _status: { ok: boolean; text: string } | null = null;
  @state() private _busy = false;
  private _poll = new PollController(this, POLL_MS, () => this._load(), false);

  @property({ attribute: false }) webhook!: WebhookView;
  @property({ type: Boolean }) canEdit = false;
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new endpoint, or the same one with a new state (a test sent, a retry done): read again.
    const before = changed.get('webhook');
    if (
      changed.has('webhook') &&
      (!before || JSON.stringify(before.status) !== JSON.stringify(this.webhook.status))
    ) {
      if (before?.id !== this.webhook.id) this._log = null;
      void this._load();
    }
  }

  override render() {
    const w = webhookMessages(this.language);
    const clock = (at: number) => formatClock(this.language, at, this.timeZone);
    return html`<section aria-labelledby="log-heading" data-testid="webhook-log">
      <h3 id="log-heading">${w.logHeading(this.webhook.name)}</h3>
      <p class=${this._status ? (this._status.ok ? 'ok' : 'error') : 'status'} role="status">
        ${this._status?.text ?? ''}
      </p>
      ${
        this._log === null
          ? html`<p class="muted">…</p>`
          : settingsTable({
              key: 'delivery',
              id: (x) => `${x.eventId}@${x.at}`,
              rows: this._log,
              empty: w.logEmpty,
              columns: [
                { label: w.logCols.at, cell: (x) => clock(x.at), rowHeader: true },
                {
                  label: w.logCols.type,
                  cell: (x) =>
                    html`<span>${w.eventTypes[x.type]}</span>
                      <span class="small"
                        >${x.eventId}${w.kinds[x.kind] ? ` · ${w.kinds[x.kind]}` : ''}</span
                      >`,
                },
                { label: w.logCols.attempt, cell: (x) => x.attempt, num: true },
                {
                  label: w.logCols.http,
                  cell: (x) =>
                    html`<span class=${x.ok ? '' : 'fail'}>${x.httpStatus ?? '—'}</span>`,
                  num: true,
                },
                { label: w.logCols.latency, cell: (x) => w.ms(x.latencyMs), num: true },
                { label: w.logCols.error, cell: (x) => x.error ?? '' },
                ...(this.canEdit
                  ? [
                      {
                        label: webhookMessages(this.language).resend,
                        cell: (x: WebhookLogEntry) =>
                          x.kind === 'test'
                            ? nothing
                            : rowActions(x.eventId, [
                                {
                                  label: w.resend,
                                  disabled: this._busy,
                                  onClick: () => void this._resend(x),
                                },
                              ]),
                      },
                    ]
                  : []),
              ],
            })
      }
    </section>`;
  }

  private async _resend(x: WebhookLogEntry): Promise<void> {
    const w = webhookMessages(this.language);
    this._busy = true;
    this._status = null;
    const r = await call(resendWebhookEvent, {
      params: { webhookId: this.webhook.id, eventId: x.eventId },
    });
    this._busy = false;
    const name = `${this.webhook.name} · ${x.eventId}`;
    this._status = !r.ok
      ? { ok: false, text: `${name}: ${errorText(this.language, r.code)}` }
      : r.data.ok
        ? { ok: true, text: w.sentOk(name, r.data.httpStatus) }
        : { ok: false, text: w.sentFailed(name, r.data.error ?? `HTTP ${r.data.httpStatus}`) };
    await this._load();
    this.dispatchEvent(
      new CustomEvent('manager-webhooks-changed', { bubbles: true, composed: true }),
    );
  }

  private _load = async (): Promise<void> => {
    const id = this.webhook.id;
    const r = await call(webhookDeliveries, { params: { webhookId: id } });
    if (id !== this.webhook.id) return;
    if (r.ok) this._log = r.data.log;
    else this._status = { ok: false, text: errorText(this.language, r.code) };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-webhooks-log': ManagerSettingsWebhooksLog;
  }
}
