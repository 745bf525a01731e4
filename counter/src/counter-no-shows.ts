import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { errorText, messages } from './i18n.js';
import type { RunCommand } from './run-command.js';
import { sharedStyles } from './shared-styles.js';
import type { RestorableNoShow } from './state/no-shows.js';

const MINUTE = 60_000;

/**
 * The visitors this counter marked absent who may still come back: each can be put at the
 * front of their line, so that the next call brings them.
 */
@customElement('counter-no-shows')
export class CounterNoShows extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li {
        display: flex;
        gap: 12px;
        align-items: center;
        justify-content: space-between;
        padding-top: 10px;
        border-top: 1px solid var(--counter-border);
      }
      .number {
        font-size: 1.4rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .muted {
        color: var(--counter-muted);
        font-size: 0.9rem;
      }
      .hint {
        margin: 0 0 10px;
        color: var(--counter-muted);
      }
    `,
  ];

  /** Restorable no-shows, the most recent first. */
  @property({ attribute: false }) items: RestorableNoShow[] = [];
  /** The hall's services (for names). */
  @property({ attribute: false }) services: Service[] = [];
  /** Server time now. */
  @property({ type: Number }) now = 0;
  /** The hall's grace window, in minutes. */
  @property({ type: Number }) graceMinutes = 0;
  /** The interface language. */
  @property() language: Lang = 'tr';
  /** Sends a command for this counter. */
  @property({ attribute: false }) run!: RunCommand;

  /** The number being restored (one at a time; a second press does nothing). */
  @state() private _restoring: string | null = null;
  @state() private _error = '';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="no-shows-heading">
      <h2 id="no-shows-heading">${m.noShowsHeading}</h2>
      <p class="hint">${m.noShowsHint(this.graceMinutes)}</p>
      <ul>
        ${this.items.map(({ ticket, markedAt, until }) => {
          const service = this.services.find((s) => s.id === ticket.serviceId);
          const ago = Math.max(0, Math.floor((this.now - markedAt) / MINUTE));
          // Whole minutes, never more than the window (the clocks may differ by a little).
          const left = Math.min(
            this.graceMinutes,
            Math.max(1, Math.ceil((until - this.now) / MINUTE)),
          );
          return html`<li data-testid="no-show" data-number=${ticket.number}>
            <div>
              <div class="number">${ticket.number}</div>
              <div class="muted">${service?.name[this.language] ?? ''}</div>
              <div class="muted">${m.markedAbsent(ago)} · ${m.restoreLeft(left)}</div>
            </div>
            <button
              type="button"
              aria-label=${m.restoreLabel(ticket.number)}
              ?disabled=${this._restoring !== null}
              @click=${() => this._restore(ticket.number)}
            >
              ${m.restore}
            </button>
          </li>`;
        })}
      </ul>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : null}
    </section>`;
  }

  private async _restore(number: string): Promise<void> {
    if (this._restoring) return;
    this._restoring = number;
    this._error = '';
    const r = await this.run('restore', { number });
    this._restoring = null;
    // On success the ticket's delta takes it off this list and back into the line.
    if (!r.ok && r.status !== 401) this._error = errorText(this.language, r.code);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-no-shows': CounterNoShows;
  }
}
