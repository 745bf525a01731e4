import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang, Role } from '../../contract/domain.js';
import { listWebhooks, type WebhookView } from '../../contract/webhooks.js';
import { webhookMessages } from './i18n-webhooks.js';
import { sharedStyles } from './shared-styles.js';
import { troubledWebhooks } from './state/webhooks.js';
import './manager-settings-webhooks.js';
import { PollController } from './poll-controller.js';

/** The integrations are read again this often for the live page (a day's failure is slow news). */
const POLL_MS = 30_000;

/**
 * The live page's word on the integrations: a small warning when an endpoint fails (red) or
 * retries (amber). An admin's click opens Ayarlar → Entegrasyonlar (`manager-open-settings`);
 * a manager, who has no settings tab, opens the same section read-only in place, also from a
 * quiet "Entegrasyonlar (n)" button when nothing is wrong.
 */
@customElement('manager-webhooks-alert')
export class ManagerWebhooksAlert extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      button.alert {
        width: 100%;
        justify-content: flex-start;
        text-align: left;
        gap: 8px;
        border-left: 5px solid var(--manager-amber-edge);
        background: var(--manager-amber-bg);
        color: var(--manager-amber-text);
        font-weight: 700;
      }
      button.alert[data-state='failing'] {
        border-left-color: var(--manager-red-edge);
        background: var(--manager-red-bg);
        color: var(--manager-red-text);
      }
      .names {
        font-weight: 400;
      }
      manager-settings-webhooks {
        margin-top: 10px;
      }
    `,
  ];

  @state() private _list: WebhookView[] = [];
  @state() private _open = false;
  private _poll = new PollController(this, POLL_MS, () => this._load());

  @property() userRole: Role = 'manager';
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override render() {
    const w = webhookMessages(this.language);
    const troubled = troubledWebhooks(this._list);
    const admin = this.userRole === 'admin';
    if (troubled.length === 0 && (admin || this._list.length === 0)) return nothing;
    const failing = troubled.filter((x) => x.status.state === 'failing');
    const worst = failing.length > 0 ? 'failing' : 'retrying';
    return html`
      ${
        troubled.length > 0
          ? html`<button
              type="button"
              class="alert"
              data-state=${worst}
              data-testid="webhooks-alert"
              aria-expanded=${admin ? nothing : String(this._open)}
              @click=${this._onClick}
            >
              <span aria-hidden="true">⚠</span>
              <span
                >${worst === 'failing' ? w.alertFailing(failing.length) : w.alertRetrying(troubled.length)}:
                <span class="names">${troubled.map((x) => x.name).join(', ')}</span></span
              >
              ${admin ? html`<span class="visually-hidden">${w.openSection}</span>` : nothing}
            </button>`
          : html`<button type="button" aria-expanded=${String(this._open)} @click=${this._onClick}>
              ${this._open ? w.hideIntegrations : w.showIntegrations(this._list.length)}
            </button>`
      }
      ${
        this._open && !admin
          ? html`<manager-settings-webhooks
              .timeZone=${this.timeZone}
              .language=${this.language}
            ></manager-settings-webhooks>`
          : nothing
      }
    `;
  }

  private _onClick(): void {
    if (this.userRole !== 'admin') {
      this._open = !this._open;
      return;
    }
    this.dispatchEvent(
      new CustomEvent('manager-open-settings', {
        detail: { section: 'webhooks' },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _load = async (): Promise<void> => {
    const r = await call(listWebhooks);
    // Quiet on failure: the live page has its own connection banner.
    if (r.ok) this._list = r.data;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-webhooks-alert': ManagerWebhooksAlert;
  }
}
