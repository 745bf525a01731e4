import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CounterStatus, Lang, Outcome, Service, Ticket } from '../../contract/domain.js';
import type { RunCommand } from './counter-main.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { CounterAction } from './state/actions.js';
import { ACTION_KEYS, focusKindOf, shortcutFor, type Shortcut } from './state/shortcuts.js';
import type { CounterCallNumber } from './counter-call-number.js';
import './counter-call-number.js';
import './counter-complete-panel.js';
import './counter-pause-panel.js';
import './counter-transfer-panel.js';

type Panel = 'complete' | 'transfer' | 'pause';

/** The action an open form ends in. */
const PANEL_ACTION: Record<Panel, CounterAction> = {
  complete: 'complete',
  transfer: 'transfer',
  pause: 'pause',
};

const DIRECT: Partial<Record<Shortcut, CounterAction>> = {
  'call-next': 'call-next',
  recall: 'recall',
  start: 'start',
  'no-show': 'no-show',
  requeue: 'requeue',
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
      .panel {
        margin-top: 12px;
      }
    `,
  ];

  @query('counter-call-number') private _callNumber!: CounterCallNumber;
  @state() private _panel: Panel | null = null;
  @state() private _outcome: Outcome = 'resolved';
  @state() private _error = '';
  private _busy = false;

  /** The actions the server would accept now. */
  @property({ attribute: false }) legal: ReadonlySet<CounterAction> = new Set();
  /** The counter's status. */
  @property() counterStatus: CounterStatus = 'open';
  /** The current visit, if any. */
  @property({ attribute: false }) ticket: Ticket | null = null;
  /** Active services of the hall (transfer targets). */
  @property({ attribute: false }) services: Service[] = [];
  /** The interface language. */
  @property() lang: Lang = 'tr';
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
    // A form whose action is no longer possible (the visit changed elsewhere) closes.
    if (this._panel && !this.legal.has(PANEL_ACTION[this._panel])) this._panel = null;
  }

  override render() {
    const m = messages(this.lang);
    const paused = this.counterStatus === 'paused';
    return html`<section class="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">${m.actionsHeading}</h2>
      <div class="rows">
        <div class="row">
          ${this._button('call-next', m.callNext, () => this._do('call-next'), 'primary big')}
          <counter-call-number
            .lang=${this.lang}
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
          ${paused
            ? this._button('resume', m.resume, () => this._do('resume'), 'primary')
            : this._button('pause', m.pause, () => this._open('pause'))}
          ${this._button('close', m.close, () => this._do('close'))}
        </div>
      </div>
      ${this._renderPanel()}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : null}
    </section>`;
  }

  private _button(action: CounterAction, label: string, onClick: () => void, cls = '') {
    const key = ACTION_KEYS[action];
    return html`<button
      type="button"
      class=${cls}
      data-action=${action}
      ?disabled=${!this.legal.has(action)}
      aria-keyshortcuts=${key ? key.replaceAll(' / ', ' ') : ''}
      @click=${onClick}
    >
      <span>${label}</span>${key ? html`<kbd aria-hidden="true">${key}</kbd>` : null}
    </button>`;
  }

  private _renderPanel() {
    if (!this._panel) return null;
    const onSubmit = (e: CustomEvent<object>) => this._do(PANEL_ACTION[this._panel!], e.detail);
    const onCancel = () => (this._panel = null);
    let panel;
    if (this._panel === 'complete') {
      panel = html`<counter-complete-panel
        .outcome=${this._outcome}
        .lang=${this.lang}
        @counter-submit=${onSubmit}
        @counter-cancel=${onCancel}
      ></counter-complete-panel>`;
    } else if (this._panel === 'transfer') {
      const targets = this.services.filter((s) => s.id !== this.ticket?.serviceId);
      panel = html`<counter-transfer-panel
        .services=${targets}
        .lang=${this.lang}
        @counter-submit=${onSubmit}
        @counter-cancel=${onCancel}
      ></counter-transfer-panel>`;
    } else {
      panel = html`<counter-pause-panel
        .lang=${this.lang}
        @counter-submit=${onSubmit}
        @counter-cancel=${onCancel}
      ></counter-pause-panel>`;
    }
    return html`<div class="panel">${panel}</div>`;
  }

  private _open(panel: Panel, outcome?: Outcome): void {
    if (outcome) this._outcome = outcome;
    this._error = '';
    this._panel = panel;
  }

  private async _do(action: CounterAction, body?: object): Promise<boolean> {
    if (this._busy || !this.legal.has(action)) return false;
    this._busy = true;
    this._error = '';
    const r = await this.run(action, body);
    this._busy = false;
    if (r.ok) {
      if (this._panel && PANEL_ACTION[this._panel] === action) this._panel = null;
      return true;
    }
    // A 401 sends the clerk to sign-in; everything else is explained here.
    if (r.status !== 401) this._error = errorText(this.lang, r.error.code);
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
    if (this._handle(shortcut)) e.preventDefault();
  };

  /** Performs a shortcut if its action is legal now; returns whether it did anything. */
  private _handle(shortcut: Shortcut): boolean {
    const direct = DIRECT[shortcut];
    if (direct) {
      if (!this.legal.has(direct)) return false;
      void this._do(direct);
      return true;
    }
    switch (shortcut) {
      case 'call':
        if (!this.legal.has('call')) return false;
        this._callNumber.focus();
        return true;
      case 'complete-resolved':
      case 'complete-forwarded':
        if (!this.legal.has('complete')) return false;
        this._open('complete', shortcut === 'complete-resolved' ? 'resolved' : 'forwarded');
        return true;
      case 'transfer':
        if (!this.legal.has('transfer')) return false;
        this._open('transfer');
        return true;
      case 'pause-or-resume':
        if (this.legal.has('resume')) void this._do('resume');
        else if (this.legal.has('pause')) this._open('pause');
        else return false;
        return true;
      default:
        return false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-actions': CounterActions;
  }
}
