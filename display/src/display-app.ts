import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { styles } from './display-app.styles.js';
import { Announcer } from './announcer.js';
import { DisplayConnection } from './display-connection.js';
import { text } from './i18n.js';
import { counterTiles, nextFlashEnd, recentCallRows, waitingRows } from './state/board.js';
import './display-clock.js';
import './display-connection-badge.js';
import './display-counter-board.js';
import './display-message-screen.js';
import './display-recent-calls.js';
import './display-sound-overlay.js';
import './display-waiting-list.js';

/** The lobby screen: current calls per counter, recent calls, waiting per service, the clock. */
@customElement('display-app')
export class DisplayApp extends LitElement {
  static override styles = styles;

  private readonly announcer = new Announcer({
    onBlockedChange: (blocked) => {
      this._soundBlocked = blocked;
    },
  });
  private readonly connection = new DisplayConnection(this, (a) => this.announcer.enqueue(a));

  @state() private _soundBlocked = this.announcer.blocked;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${text.pageTitle.tr} / ${text.pageTitle.en}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.flashTimer);
    this.announcer.dispose();
  }

  override updated(): void {
    // Redraw when the next highlight ends, so a flash lasts its few seconds and stops.
    clearTimeout(this.flashTimer);
    const now = Date.now();
    const end = nextFlashEnd(this.connection.state, now);
    if (end !== null) this.flashTimer = setTimeout(() => this.requestUpdate(), end - now + 20);
  }

  override render() {
    return html`${this.renderScreen()}
    ${
      this._soundBlocked && this.connection.status !== 'unpaired'
        ? html`<display-sound-overlay @display-unlock=${this.onUnlock}></display-sound-overlay>`
        : nothing
    }`;
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
    if (state.rev === null || !state.hall) {
      return html`<display-message-screen .heading=${text.connecting}></display-message-screen>`;
    }
    const now = Date.now();
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
