import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { styles } from './display-counter-sign.styles.js';
import { text, type Bilingual } from './i18n.js';
import { CHAR_EM, ticketEms } from './state/board-layout.js';
import type { CounterSignView, SignState } from './state/counter-sign.js';
import './display-connection-badge.js';
import './display-message-screen.js';

const WORDS: Record<SignState, Bilingual> = {
  called: text.signCalled,
  serving: text.signServing,
  waiting: text.signWaiting,
  paused: text.signPaused,
  closed: text.signClosed,
};

/**
 * One counter's sign ("banko üstü ekran"): the counter number, and the ticket called or served
 * there in the largest type the screen allows, or the counter's state in words. A call and a
 * recall flash it; it makes no sound.
 */
@customElement('display-counter-sign')
export class DisplayCounterSign extends LitElement {
  static override styles = styles;

  /** What the sign says (from `counterSign`). */
  @property({ attribute: false }) sign: CounterSignView = { kind: 'loading' };
  /** The link to the server is down: the sign keeps what it shows and says it is reconnecting. */
  @property({ type: Boolean }) offline = false;

  override render() {
    return html`${this.renderSign()}
    ${this.offline ? html`<display-connection-badge></display-connection-badge>` : nothing}`;
  }

  private renderSign() {
    const s = this.sign;
    if (s.kind === 'loading')
      return html`<display-message-screen .heading=${text.connecting}></display-message-screen>`;
    if (s.kind === 'missing')
      return html`<display-message-screen
        .heading=${text.signMissingTitle}
        .detail=${text.signMissingHelp}
        tone="alert"
      ></display-message-screen>`;
    const label = text.counterLabel(s.counterNumber);
    const word = WORDS[s.state];
    const digits = String(s.counterNumber).length;
    // Widths in em of what must fit across each box (a bold sans is about 0.6 em a letter).
    const fit = `--number-ems: ${digits * CHAR_EM + 0.5}; --ticket-ems: ${ticketEms(
      Math.max(4, s.ticketNumber?.length ?? 0),
    )}; --word-ems: ${Math.max(word.tr.length, 6) * 0.62}; --line-ems: ${
      Math.max(word.tr.length, word.en.length) * 0.6
    }`;
    // Keyed by the highlight's end: a recall is a new element, so its flash starts over.
    const ticket = keyed(
      s.flashUntil ?? 'steady',
      html`<section
        class="ticket ${s.state} ${s.ticketNumber ? 'with-ticket' : 'words'} ${
          s.flashUntil !== null ? 'flashing' : ''
        }"
        data-state=${s.state}
        ?data-flashing=${s.flashUntil !== null}
      >
        ${
          s.ticketNumber
            ? html`<span class="label"
                  >${text.ticket.tr} · <span lang="en">${text.ticket.en}</span></span
                >
                <span class="ticket-number" data-ticket>${s.ticketNumber}</span>
                <span class="label line">${word.tr}</span>
                <span class="label line" lang="en">${word.en}</span>`
            : html`<span class="word">${word.tr}</span>
                <span class="word en" lang="en">${word.en}</span>`
        }
      </section>`,
    );
    return html`<main class="sign" style=${fit} aria-label="${label.tr} / ${label.en}">
      <section class="counter">
        <span class="label counter-label"
          >${text.counter.tr}<br /><span lang="en">${text.counter.en}</span></span
        >
        <span class="number" data-counter>${s.counterNumber}</span>
      </section>
      ${ticket}
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-counter-sign': DisplayCounterSign;
  }
}
