import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { TicketStatusView } from '../../contract/api.js';
import { t } from './i18n.js';
import { errorMessage, type FailureCode } from './state/errors.js';
import { codeFromPath, phoneLang, phoneStatusModel } from './state/phone-status.js';
import { TicketLiveController } from './ticket-live-controller.js';
import '../../ui/visitor-lang-switch.js';
import './kiosk-leave-button.js';
import './kiosk-rate-visit.js';
import './kiosk-notice.js';
import './kiosk-notify-button.js';
import './kiosk-ticket-status.js';
import './phone-sms-form.js';

const LANG_STORAGE = 'siramatik.phone.lang';

function storedLang(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE);
  } catch {
    return null;
  }
}

/** The phone page reached from the ticket's QR code (`/t/<code>`): one ticket, live. */
@customElement('kiosk-ticket-page')
export class KioskTicketPage extends LitElement {
  static override styles = css`
    :host {
      --phone-ink: #0b1a2e;
      --phone-muted: #36465a;
      --phone-accent: #0b4f8a;
      --phone-called: #0a6630;
      --phone-danger: #a3001b;
      --phone-focus: #ffb000;
      --kiosk-focus: #ffb000;
      --visitor-lang-size: 44px;
      --visitor-lang-wrap: wrap;
      --visitor-lang-on: #0b1a2e;
      --visitor-lang-on-ink: #ffffff;
      display: block;
      max-width: 560px;
      margin: 0 auto;
      padding: 12px 16px 32px;
      color: var(--phone-ink);
      font-family: 'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif;
      font-size: 1rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 12px;
    }
    .hall {
      margin: 0;
      font-size: 0.95rem;
      font-weight: 700;
    }
    .live {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 14px 0;
      font-size: 0.95rem;
      color: var(--phone-muted);
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--phone-called);
    }
    .live.off .dot {
      background: var(--phone-danger);
    }
    .live.off {
      color: var(--phone-danger);
      font-weight: 700;
    }
    .actions {
      display: grid;
      gap: 14px;
    }
    .error {
      margin: 0;
      color: var(--phone-danger);
      font-weight: 700;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    kiosk-notice {
      --kiosk-notice-tone: var(--phone-danger);
      --kiosk-notice-mark: 72px;
      --kiosk-notice-title: 1.7rem;
      --kiosk-notice-body: 1.1rem;
      min-height: 70vh;
    }
  `;

  private readonly _code = codeFromPath(window.location.pathname);
  private readonly _live = new TicketLiveController(this, this._code, (status) =>
    this._alert(status),
  );

  /** The visitor's own choice on this phone, if they made one. */
  @state() private _chosenLang: string | null = storedLang();

  /** Chosen here, else asked by the link, else the language picked at the kiosk. */
  private get _lang(): Lang {
    return phoneLang(
      this._chosenLang,
      new URLSearchParams(window.location.search).get('lang'),
      this._live.status?.lang ?? null,
    );
  }
  @state() private _leaving = false;
  @state() private _rating = false;
  @state() private _error: FailureCode | null = null;

  override updated(): void {
    document.documentElement.lang = this._lang;
    document.title = `${this._live.status?.number ?? 'Sıramatik'} — ${t(this._lang).phoneTitle}`;
  }

  override render() {
    const text = t(this._lang);
    const { connection, status } = this._live;
    const header = html`<header>
      <p class="hall">${status?.hallName ?? text.appName}</p>
      <visitor-lang-switch
        .language=${this._lang}
        .label=${text.langSwitch}
        @lang-change=${this._onLang}
      ></visitor-lang-switch>
    </header>`;
    if (connection === 'not-found')
      return html`${header}
        <main>
          <kiosk-notice .heading=${text.notFoundTitle} .body=${text.notFoundBody}></kiosk-notice>
        </main>`;
    if (!status)
      return html`${header}
        <main><kiosk-notice mark="…" .heading=${text.connecting}></kiosk-notice></main>`;
    const model = phoneStatusModel(status, this._lang);
    const live = connection === 'live';
    return html`${header}
      <main>
        <h1 class="visually-hidden">${text.phoneTitle}</h1>
        <kiosk-ticket-status .model=${model} .language=${this._lang}></kiosk-ticket-status>
        <p class="live ${live ? 'on' : 'off'}" role="status">
          <span class="dot" aria-hidden="true"></span>${live ? text.liveOn : text.liveOff}
        </p>
        <div class="actions">
          ${
            model.tone === 'waiting'
              ? html`<kiosk-notify-button .language=${this._lang}></kiosk-notify-button>`
              : null
          }
          <phone-sms-form
            .language=${this._lang}
            .code=${this._code ?? ''}
            .status=${status}
            @sms-status=${(e: CustomEvent<TicketStatusView>) => this._live.show(e.detail)}
          ></phone-sms-form>
          ${this._error ? html`<p class="error" role="alert">${errorMessage(this._error, this._lang)}</p>` : null}
          ${
            status.status === 'done' && status.rating === null
              ? html`<kiosk-rate-visit
                  .language=${this._lang}
                  ?busy=${this._rating}
                  @rate=${this._onRate}
                ></kiosk-rate-visit>`
              : status.status === 'done'
                ? html`<p class="thanks" role="status">${text.rateThanks}</p>`
                : null
          }
          ${
            model.canLeave
              ? html`<kiosk-leave-button
                  .language=${this._lang}
                  ?busy=${this._leaving}
                  @leave=${this._onLeave}
                ></kiosk-leave-button>`
              : null
          }
        </div>
      </main>`;
  }

  private _onLang(e: CustomEvent<Lang>): void {
    this._chosenLang = e.detail;
    try {
      localStorage.setItem(LANG_STORAGE, e.detail);
    } catch {
      // Private mode: the choice lasts until the page is closed.
    }
  }

  private async _onRate(e: CustomEvent<{ rating: number; comment: string }>): Promise<void> {
    this._rating = true;
    this._error = null;
    const res = await this._live.rate(e.detail.rating, e.detail.comment);
    this._rating = false;
    if (!res.ok) this._error = res.code;
  }

  private async _onLeave(): Promise<void> {
    this._leaving = true;
    this._error = null;
    const res = await this._live.cancel();
    this._leaving = false;
    if (!res.ok) this._error = res.code;
  }

  private _alert(status: TicketStatusView): void {
    navigator.vibrate?.([400, 150, 400, 150, 400]);
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const text = t(this._lang);
    try {
      new Notification(text.notificationTitle, {
        body: text.notificationBody(status.number, status.counterNumber ?? 0),
        tag: `siramatik-${status.number}`,
      });
    } catch {
      // Android Chrome only shows notifications through a service worker; the page still vibrates.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket-page': KioskTicketPage;
  }
}
