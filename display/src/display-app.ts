import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { styles } from './display-app.styles.js';
import { Announcer } from './announcer.js';
import { fetchShowing, rememberedShowing, type Showing } from './device-setup.js';
import { DisplayConnection } from './display-connection.js';
import { text } from './i18n.js';
import { counterTiles, nextFlashEnd, recentCallRows, waitingRows } from './state/board.js';
import type { ConnectionStatus } from './state/connection.js';
import { counterSign } from './state/counter-sign.js';
import './display-clock.js';
import './display-connection-badge.js';
import './display-counter-board.js';
import './display-counter-sign.js';
import './display-message-screen.js';
import './display-recent-calls.js';
import './display-sound-overlay.js';
import './display-waiting-list.js';

/** How soon a display asks again what to show when the server did not answer. */
const SHOWING_RETRY_MS = 10_000;

/**
 * The lobby screen: current calls per counter, recent calls, waiting per service, the clock. A
 * display set to one counter (Ayarlar → Cihazlar) is that counter's sign instead, silent.
 */
@customElement('display-app')
export class DisplayApp extends LitElement {
  static override styles = [
    styles,
    css`
      :host([sign]) {
        display: block;
        padding: 0;
      }
    `,
  ];

  private readonly announcer = new Announcer({
    onBlockedChange: (blocked) => {
      this._soundBlocked = blocked;
    },
  });
  // A sign speaks nothing: the lobby display beside it does.
  private readonly connection = new DisplayConnection(this, (a) => {
    if (this._showing?.kind !== 'sign') this.announcer.enqueue(a);
  });

  @state() private _soundBlocked = this.announcer.blocked;
  /** What this device is set to show; `null` until the server (or the last start) has said. */
  @state() private _showing: Showing | null = rememberedShowing();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private showingRetry: ReturnType<typeof setTimeout> | undefined;
  private seenStatus: ConnectionStatus | null = null;

  override willUpdate(): void {
    // Asked at every (re)connection: a changed setting ends the device's connection, so the
    // screen learns it within a reconnect, without a reload.
    const status = this.connection.status;
    if (status !== this.seenStatus && status === 'connected') void this.learnShowing();
    this.seenStatus = status;
    this.toggleAttribute('sign', this.signCounterId() !== null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.flashTimer);
    clearTimeout(this.showingRetry);
    this.announcer.dispose();
  }

  override updated(): void {
    // The page title names the counter of a sign (seen in a window list or a remote session).
    const id = this.signCounterId();
    const counter =
      id === null ? undefined : this.connection.state.counters.find((c) => c.id === id);
    const title = counter ? text.signTitle(counter.number) : text.pageTitle;
    document.title = `${title.tr} / ${title.en}`;
    // Redraw when the next highlight ends, so a flash lasts its few seconds and stops.
    clearTimeout(this.flashTimer);
    const now = Date.now();
    const end = nextFlashEnd(this.connection.state, now);
    if (end !== null) this.flashTimer = setTimeout(() => this.requestUpdate(), end - now + 20);
  }

  override render() {
    return html`${this.renderScreen()}
    ${
      this._soundBlocked && this.connection.status !== 'unpaired' && this.signCounterId() === null
        ? html`<display-sound-overlay @display-unlock=${this.onUnlock}></display-sound-overlay>`
        : nothing
    }`;
  }

  /** The counter whose sign this screen is, when paired and set so; else `null` (the hall). */
  private signCounterId(): string | null {
    if (this.connection.status === 'unpaired') return null;
    return this._showing?.kind === 'sign' ? this._showing.counterId : null;
  }

  private async learnShowing(): Promise<void> {
    clearTimeout(this.showingRetry);
    const showing = await fetchShowing();
    if (showing) {
      this._showing = showing;
      return;
    }
    // Not answered (the server was busy or restarting): show what is known, ask again soon.
    this._showing ??= { kind: 'hall' };
    if (this.connection.status === 'connected')
      this.showingRetry = setTimeout(() => void this.learnShowing(), SHOWING_RETRY_MS);
  }

  private renderScreen() {
    const { state, status } = this.connection;
    if (status === 'unpaired') {
      return html`<display-message-screen
        .heading=${text.unpairedTitle}
        .detail=${text.unpairedHelp}
        tone="alert"
      ></display-message-screen>`;
    }
    if (state.rev === null || !state.hall || this._showing === null) {
      return html`<display-message-screen .heading=${text.connecting}></display-message-screen>`;
    }
    const now = Date.now();
    const signCounterId = this.signCounterId();
    if (signCounterId !== null) {
      return html`<display-counter-sign
        .sign=${counterSign(state, signCounterId, now)}
        ?offline=${status !== 'connected'}
      ></display-counter-sign>`;
    }
    return html`
      <header>
        <h1>${state.hall.name}</h1>
        ${status === 'connected' ? nothing : html`<display-connection-badge></display-connection-badge>`}
        <display-clock
          .timeZone=${state.hall.timeZone}
          .offsetMs=${state.clockOffsetMs}
        ></display-clock>
      </header>
      <main class="middle">
        <display-counter-board .tiles=${counterTiles(state, now)}></display-counter-board>
        <display-recent-calls .rows=${recentCallRows(state, now)}></display-recent-calls>
      </main>
      <display-waiting-list .rows=${waitingRows(state)}></display-waiting-list>
    `;
  }

  private onUnlock = () => {
    void this.announcer.unlock().then(() => {
      this._soundBlocked = this.announcer.blocked;
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
