import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import { CounterQueueController } from './counter-queue-controller.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { RunCommand } from './run-command.js';
import { counterChoices, heldCounter } from './state/counter-choice.js';
import './counter-choose.js';
import './counter-main.js';
import './counter-bookings.js';

/**
 * A signed-in clerk's workspace: owns the hall connection. Shows the counter choice, or goes
 * straight to the counter the clerk already holds (also after signing in again).
 */
@customElement('counter-workspace')
export class CounterWorkspace extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .banner {
        margin: 0 0 12px;
        padding: 8px 12px;
        border-radius: 8px;
        background: var(--counter-amber-bg);
        color: var(--counter-amber-text);
        font-weight: 600;
      }
      .status {
        color: var(--counter-muted);
      }
    `,
  ];

  private _queue = new CounterQueueController(this, {
    meId: () => this.me?.id ?? '',
    onExpired: () =>
      this.dispatchEvent(
        new CustomEvent('counter-session-expired', { bubbles: true, composed: true }),
      ),
  });

  @state() private _opening: string | null = null;
  @state() private _chooseError = '';

  /** The signed-in clerk. */
  @property({ attribute: false }) me!: Me;
  /** The interface language. */
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const model = this._queue.model;
    const offline =
      this._queue.connection === 'offline'
        ? html`<p class="banner" role="status">${m.offline}</p>`
        : null;
    if (!model)
      return html`${offline}
        <p class="status" role="status">${m.connecting}</p>`;
    const held = heldCounter(model.counters, this.me.id);
    if (held) {
      return html`${offline}<counter-main
          .model=${model}
          .counter=${held}
          .language=${this.language}
          .run=${this._run}
        ></counter-main>
        ${this._bookings()}`;
    }
    return html`${offline}<counter-choose
        .choices=${counterChoices(model.counters, this.me.id)}
        .services=${model.services}
        .language=${this.language}
        .opening=${this._opening}
        .error=${this._chooseError}
        @counter-choose=${this._onChoose}
      ></counter-choose>
      ${this._bookings()}`;
  }

  /** The phone-in bookings: a button that opens its panel below the clerk's work. */
  private _bookings() {
    return html`<counter-bookings
      .hallId=${this.me.hallId}
      .language=${this.language}
    ></counter-bookings>`;
  }

  /** Runs a command on the counter the clerk holds. */
  private _run: RunCommand = (action, ...body) => {
    const held = this._queue.model && heldCounter(this._queue.model.counters, this.me.id);
    if (!held) {
      return Promise.resolve({
        ok: false as const,
        status: 409,
        code: 'counter-not-open' as const,
        message: '',
      });
    }
    return this._queue.command(held.id, action, ...body);
  };

  private async _onChoose(e: CustomEvent<string>): Promise<void> {
    if (this._opening) return;
    this._opening = e.detail;
    this._chooseError = '';
    const r = await this._queue.command(e.detail, 'open');
    this._opening = null;
    // On success the counter's delta moves the clerk to the main screen.
    if (!r.ok && r.status !== 401) this._chooseError = errorText(this.language, r.code);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-workspace': CounterWorkspace;
  }
}
