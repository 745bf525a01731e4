import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import type { PhoneStatusModel } from './state/phone-status.js';

/** The visitor's number and where they stand, on the phone page. */
@customElement('kiosk-ticket-status')
export class KioskTicketStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .card {
      padding: 20px 16px;
      border-radius: 16px;
      background: #ffffff;
      text-align: center;
      box-shadow: 0 2px 10px rgb(11 26 46 / 0.12);
    }
    .label {
      margin: 0;
      font-size: 1rem;
      font-weight: 700;
      color: var(--phone-muted);
    }
    .number {
      margin: 4px 0 0;
      font-size: clamp(3rem, 24vw, 7rem);
      line-height: 1;
      font-weight: 900;
      color: var(--phone-accent);
    }
    .service {
      margin: 8px 0 0;
      font-size: 1.35rem;
      font-weight: 800;
    }
    .status {
      margin-top: 16px;
      padding: 20px 16px;
      border-radius: 16px;
      text-align: center;
      background: #ffffff;
      border: 3px solid var(--phone-accent);
    }
    .status.called {
      background: var(--phone-called);
      border-color: var(--phone-called);
      color: #ffffff;
      animation: pulse 1.4s ease-in-out 3;
    }
    .status.serving {
      border-color: var(--phone-called);
    }
    .status.finished {
      border-color: var(--phone-muted);
    }
    .title {
      margin: 0 0 6px;
      font-size: 1.3rem;
      font-weight: 800;
    }
    .headline {
      margin: 0;
      font-size: 1.7rem;
      line-height: 1.2;
      font-weight: 900;
    }
    .called .headline {
      font-size: clamp(2rem, 9vw, 2.6rem);
    }
    .wait {
      margin: 10px 0 0;
      font-size: 1.15rem;
    }
    .wait strong {
      font-weight: 800;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    @keyframes pulse {
      50% {
        transform: scale(1.03);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .status.called {
        animation: none;
      }
    }
  `;

  /** What to show, from `phoneStatusModel()`. */
  @property({ attribute: false }) model: PhoneStatusModel | null = null;
  @property() language: Lang = 'tr';

  override render() {
    const m = this.model;
    if (!m) return null;
    const text = t(this.language);
    return html`
      <section class="card">
        <p class="label">${text.yourNumber}</p>
        <p class="number" data-testid="phone-number">${m.number}</p>
        <p class="service">${m.service}</p>
      </section>
      <section class="status ${m.tone}" data-testid="phone-status">
        ${m.title ? html`<p class="title">${m.title}</p>` : null}
        <p class="headline">${m.headline}</p>
        ${
          m.wait
            ? html`<p class="wait">${text.estimatedWait}: <strong>${m.wait}</strong></p>`
            : null
        }
      </section>
      <!--
        What a screen reader says as the line moves (politely, after what it is reading) and
        when the visitor is called (at once). Both regions are in the page from the start, so
        VoiceOver and TalkBack follow them; the visible card above is not itself live, so
        nothing is said twice.
      -->
      <p
        class="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="phone-live-place"
      >
        ${m.tone === 'called' ? '' : m.wait ? `${m.headline}. ${text.estimatedWait}: ${m.wait}.` : m.headline}
      </p>
      <p
        class="visually-hidden"
        role="alert"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="phone-live-call"
      >
        ${m.tone === 'called' ? `${m.title ?? ''} ${m.headline}` : ''}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket-status': KioskTicketStatus;
  }
}
