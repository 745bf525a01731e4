import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BookingView } from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';
import { bookingApi, type Halls } from './booking-api.js';
import { bookingError, bookingRoute } from './booking-format.js';
import { bookingStyles } from './booking-styles.js';
import { t, type BookingError } from './i18n.js';
import '../../ui/visitor-lang-switch.js';
import './booking-new.js';
import './booking-own.js';

const LANG_STORAGE = 'siramatik.booking.lang';

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE);
    return v === 'tr' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/**
 * The citizen's booking page: `/randevu` books (in the hall of `?hall=`, or the only hall, or
 * one chosen from the list), `/randevu/<code>` is one booking's own page.
 */
@customElement('booking-app')
export class BookingApp extends LitElement {
  static override styles = [
    bookingStyles,
    css`
      :host {
        max-width: 560px;
        margin: 0 auto;
        padding: 12px 16px 32px;
        font-size: 1rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 12px;
        margin-bottom: 16px;
      }
      h1 {
        margin: 0;
        font-size: 1.15rem;
      }
      visitor-lang-switch {
        --visitor-lang-size: 44px;
        --visitor-lang-on: var(--ink);
        --visitor-lang-on-ink: #ffffff;
        --visitor-lang-focus: var(--focus);
      }
      .hall {
        display: block;
        font-size: 0.9rem;
        font-weight: 400;
        color: var(--muted);
      }
    `,
  ];

  private readonly _route = bookingRoute(window.location.pathname);
  @state() private _lang: Lang =
    storedLang() ??
    (new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'tr');
  @state() private _halls: Halls | null = null;
  @state() private _hallId: string | null = new URLSearchParams(window.location.search).get('hall');
  @state() private _hallName = '';
  @state() private _error: BookingError | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._route.kind === 'new') void this._loadHalls();
  }

  override updated(): void {
    document.documentElement.lang = this._lang;
    const text = t(this._lang);
    document.title = `${this._route.kind === 'own' ? text.ownTitle : text.pageTitle} — ${text.appName}`;
  }

  override render() {
    const text = t(this._lang);
    return html`<header>
        <h1>
          ${this._route.kind === 'own' ? text.ownTitle : text.pageTitle}
          <span class="hall">${this._hallName || text.appName}</span>
        </h1>
        <visitor-lang-switch
          .language=${this._lang}
          .label=${text.langSwitch}
          @lang-change=${this._onLang}
        ></visitor-lang-switch>
      </header>
      <main>${this._renderMain()}</main>`;
  }

  private _renderMain() {
    const text = t(this._lang);
    const route = this._route;
    if (route.kind === 'bad')
      return html`<h2>${text.notFoundTitle}</h2>
        <p>${text.notFoundBody}</p>
        <p><a class="button" href="/randevu">${text.newBooking}</a></p>`;
    if (route.kind === 'own')
      return html`<booking-own
        .code=${route.code}
        .language=${this._lang}
        @loaded=${(e: CustomEvent<BookingView>) => (this._hallName = e.detail.hallName)}
      ></booking-own>`;
    if (this._error) return html`<p class="error" role="alert">${text.errors[this._error]}</p>`;
    if (this._hallId)
      return html`<booking-new .hallId=${this._hallId} .language=${this._lang}></booking-new>`;
    if (!this._halls) return html`<p>${text.loading}</p>`;
    return html`<h2>${text.chooseHall}</h2>
      <ul class="list">
        ${this._halls.map(
          (h) =>
            html`<li>
              <button type="button" class="wide" @click=${() => this._chooseHall(h.id, h.name)}>
                ${h.name}
              </button>
            </li>`,
        )}
      </ul>`;
  }

  private async _loadHalls(): Promise<void> {
    const res = await bookingApi.halls();
    if (!res.ok) {
      this._error = bookingError(res.code);
      return;
    }
    this._halls = res.data;
    const chosen = res.data.find((h) => h.id === this._hallId);
    if (chosen) this._hallName = chosen.name;
    else if (res.data.length === 1) this._chooseHall(res.data[0]!.id, res.data[0]!.name);
    else this._hallId = null;
  }

  private _chooseHall(id: string, name: string): void {
    this._hallId = id;
    this._hallName = name;
  }

  private _onLang(e: CustomEvent<Lang>): void {
    this._lang = e.detail;
    try {
      localStorage.setItem(LANG_STORAGE, e.detail);
    } catch {
      // Private mode: the choice lasts until the page is closed.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-app': BookingApp;
  }
}
