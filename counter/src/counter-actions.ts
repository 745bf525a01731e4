import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CounterStatus, Lang, Outcome, Service, StaffTicket } from '../../contract/domain.js';
import type { DirectorateChoice } from '../../contract/settings.js';
import { call } from '../../contract/client.js';
import type { CounterActionBody } from '../../contract/counter-commands.js';
import { DIRECTORATE_CHOICES } from './routes.js';
import { errorText, messages } from './i18n.js';
import type { ActionBody, RunCommand } from './run-command.js';
import { sharedStyles } from './shared-styles.js';
import { closePlan, type CounterAction } from './state/actions.js';
import { ACTION_KEYS, focusKindOf, intentOf, shortcutFor } from './state/shortcuts.js';
import type { WaitingEntry } from './state/waiting-line.js';
import type { CounterCallNumber } from './counter-call-number.js';
import './counter-call-number.js';
import './counter-close-panel.js';
import './counter-complete-panel.js';
import './counter-pause-panel.js';
import './counter-transfer-panel.js';

type Panel = 'complete' | 'transfer' | 'pause' | 'close';

/** The action an open form ends in. */
const PANEL_ACTION: Record<Panel, CounterAction> = {
  complete: 'complete',
  transfer: 'transfer',
  pause: 'pause',
  close: 'close',
};

/** The clerk's buttons and their keyboard shortcuts; only legal actions are enabled. */
@customElement('counter-actions')
export class CounterActions extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .rows {
        display: grid;
        gap: 10px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        align-items: end;
      }
      .row > button {
        flex: 1 1 0;
        min-width: 150px;
      }
      button.big {
        flex: 0 0 260px;
        min-height: 64px;
        font-size: 1.15rem;
      }
      counter-call-number {
        flex: 1;
      }
      .legend {
        margin: -4px 0 10px;
        font-size: 0.85rem;
        color: var(--counter-muted);
      }
    `,
  ];

  @query('counter-call-number') private _callNumber!: CounterCallNumber;
  @state() private _panel: Panel | null = null;
  @state() private _outcome: Outcome = 'resolved';
  @state() private _error = '';
  /** Where the open complete form may forward to; `null` while loading. */
  @state() private _directorates: DirectorateChoice[] | null = null;
  @state() private _directoratesFailed = false;
  /** Commands sent and not yet answered: the same one is not sent twice (double press). */
  private _inFlight = new Set<CounterAction>();

  /** The actions the server would accept now. */
  @property({ attribute: false }) legal: ReadonlySet<CounterAction> = new Set();
  /** The counter's status. */
  @property() counterStatus: CounterStatus = 'open';
  /** The current visit, if any. */
  @property({ attribute: false }) ticket: StaffTicket | null = null;
  /** The visitors waiting for this counter's services, in line order (call-by-number list). */
  @property({ attribute: false }) waiting: WaitingEntry[] = [];
  /** An example ticket number from this counter's own services. */
  @property() numberPlaceholder = '';
  /** Active services of the hall (transfer targets). */
  @property({ attribute: false }) services: Service[] = [];
  /** The interface language. */
  @property() language: Lang = 'tr';
  /** Sends a command for this counter. */
  @property({ attribute: false }) run!: RunCommand;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
  }

  override willUpdate(): void {
    // A form whose action is no longer possible (the visit changed elsewhere) closes; the
    // close confirmation stays while closing is still possible in some way.
    if (this._panel === 'close') {
      if (!this._closePlan()) this._panel = null;
    } else if (this._panel && !this.legal.has(PANEL_ACTION[this._panel])) this._panel = null;
  }

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">${m.actionsHeading}</h2>
      ${this._panel ? null : html`<p class="legend">${m.shortcutsLegend}</p>`}
      ${this._panel ? this._renderPanel() : this._renderRows()}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : null}
    </section>`;
  }

  private _renderRows() {
    const m = messages(this.language);
    const paused = this.counterStatus === 'paused';
    return html`<div class="rows">
      <div class="row">
        ${this._button('call-next', m.callNext, () => this._do('call-next'), 'primary big')}
        <counter-call-number
          .language=${this.language}
          .waiting=${this.waiting}
          .placeholder=${this.numberPlaceholder}
          ?disabled=${!this.legal.has('call')}
          @counter-call=${this._onCallNumber}
        ></counter-call-number>
      </div>
      <div class="row">
        ${this._button('recall', m.recall, () => this._do('recall'))}
        ${this._button('start', m.start, () => this._do('start'), 'primary')}
        ${this._button('no-show', m.noShow, () => this._do('no-show'))}
        ${this._button('requeue', m.requeue, () => this._do('requeue'))}
      </div>
      <div class="row">
        ${this._button('complete', m.complete, () => this._open('complete', 'resolved'), 'primary')}
        ${this._button('transfer', m.transfer, () => this._open('transfer'))}
      </div>
      <div class="row">
        ${
          paused
            ? this._button('resume', m.resume, () => this._do('resume'), 'primary')
            : this._button('pause', m.pause, () => this._open('pause'))
        }
        ${this._button('close', m.close, () => this._onClose(), '', this._closePlan() !== null)}
      </div>
    </div>`;
  }

  private _button(
    action: CounterAction,
    label: string,
    onClick: () => void,
    cls = '',
    enabled = this.legal.has(action),
  ) {
    const key = ACTION_KEYS[action];
    const m = messages(this.language);
    return html`<button
      type="button"
      class=${cls}
      data-action=${action}
      ?disabled=${!enabled}
      aria-keyshortcuts=${key ? key.replaceAll(' / ', ' ') : ''}
      @click=${onClick}
    >
      <span>${label}</span>${
        key ? html`<kbd title=${m.keyHint(key)} aria-hidden="true">${key}</kbd>` : null
      }
    </button>`;
  }

  /** What closing does now: at once, or after the clerk confirms what happens to the visit. */
  private _closePlan() {
    return closePlan(this.counterStatus, this.ticket?.status ?? null);
  }

  private _onClose(): void {
    const plan = this._closePlan();
    if (plan === 'close') void this._do('close');
    else if (plan) this._open('close');
  }

  private _renderClose() {
    const plan = this._closePlan();
    return html`<counter-close-panel
      .kind=${plan === 'confirm-finish' ? 'finish' : 'requeue'}
      .number=${this.ticket?.number ?? ''}
      .language=${this.language}
      @counter-submit=${this._requeueAndClose}
      @counter-finish=${() => this._open('complete', 'resolved')}
      @counter-cancel=${() => (this._panel = null)}
    ></counter-close-panel>`;
  }

  private _requeueAndClose = async (): Promise<void> => {
    if (!(await this._do('requeue'))) return;
    // The requeue's reply comes before its delta may have reached the screen: close by plan,
    // not by the (possibly stale) legal set.
    this._inFlight.add('close');
    const r = await this.run('close');
    this._inFlight.delete('close');
    if (r.ok) this._panel = null;
    else if (r.status !== 401) this._error = errorText(this.language, r.code);
  };

  private _renderPanel() {
    if (!this._panel) return null;
    if (this._panel === 'close') return this._renderClose();
    const onCancel = () => (this._panel = null);
    let panel;
    if (this._panel === 'complete') {
      panel = html`<counter-complete-panel
        .outcome=${this._outcome}
        .directorates=${this._directorates}
        .directoratesFailed=${this._directoratesFailed}
        .language=${this.language}
        @counter-submit=${(e: CustomEvent<CounterActionBody<'complete'>>) =>
          this._do('complete', e.detail)}
        @counter-cancel=${onCancel}
      ></counter-complete-panel>`;
    } else if (this._panel === 'transfer') {
      const targets = this.services.filter((s) => s.id !== this.ticket?.serviceId);
      panel = html`<counter-transfer-panel
        .services=${targets}
        .language=${this.language}
        @counter-submit=${(e: CustomEvent<CounterActionBody<'transfer'>>) =>
          this._do('transfer', e.detail)}
        @counter-cancel=${onCancel}
      ></counter-transfer-panel>`;
    } else {
      panel = html`<counter-pause-panel
        .language=${this.language}
        @counter-submit=${(e: CustomEvent<CounterActionBody<'pause'>>) =>
          this._do('pause', e.detail)}
        @counter-cancel=${onCancel}
      ></counter-pause-panel>`;
    }
    return panel;
  }

  private _open(panel: Panel, outcome?: Outcome): void {
    if (outcome) this._outcome = outcome;
    this._error = '';
    if (panel === 'complete' && this._panel !== 'complete') void this._loadDirectorates();
    this._panel = panel;
  }

  /** Fetched at each opening, so the most used today come first and a retired one is gone. */
  private async _loadDirectorates(): Promise<void> {
    this._directorates = null;
    this._directoratesFailed = false;
    const hallId = this.ticket?.hallId;
    if (!hallId) return;
    const r = await call(DIRECTORATE_CHOICES, { params: { hallId } });
    if (r.ok) this._directorates = r.data;
    else this._directoratesFailed = true;
  }

  private async _do<A extends CounterAction>(action: A, ...body: ActionBody<A>): Promise<boolean> {
    // Only a repeat of the same command is held back: the screen may already show the result
    // of the last one (its delta can arrive before its HTTP reply) and the next key is legal.
    if (this._inFlight.has(action) || !this.legal.has(action)) return false;
    this._inFlight.add(action);
    this._error = '';
    const r = await this.run(action, ...body);
    this._inFlight.delete(action);
    if (r.ok) {
      if (this._panel && PANEL_ACTION[this._panel] === action) this._panel = null;
      return true;
    }
    // A 401 sends the clerk to sign-in; everything else is explained here.
    if (r.status !== 401) this._error = errorText(this.language, r.code);
    return false;
  }

  private async _onCallNumber(e: CustomEvent<string>): Promise<void> {
    if (await this._do('call', { number: e.detail })) this._callNumber.clear();
  }

  private _onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.repeat) return;
    const target = (e.composedPath()[0] ?? null) as HTMLElement | null;
    const shortcut = shortcutFor(e, focusKindOf(target));
    if (!shortcut) return;
    if (shortcut === 'dismiss') {
      if (this._panel) this._panel = null;
      else if (this._callNumber?.typing) this._callNumber.clear();
      else return;
      e.preventDefault();
      return;
    }
    if (this._panel === 'complete' && shortcut.startsWith('complete-')) {
      this._outcome = shortcut === 'complete-resolved' ? 'resolved' : 'forwarded';
      e.preventDefault();
      return;
    }
    // While a form is open, its own keys (Enter, Esc) are the only ones that count.
    if (this._panel) return;
    const intent = intentOf(shortcut, this.legal);
    if (!intent) return;
    e.preventDefault();
    if (intent.kind === 'run') void this._do(intent.action);
    else if (intent.kind === 'focus-number') this._callNumber.focus();
    else if (intent.form === 'complete') this._open('complete', intent.outcome);
    else this._open(intent.form);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-actions': CounterActions;
  }
}
