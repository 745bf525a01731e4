import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { CounterChoice } from './state/counter-choice.js';

/** The hall's counters: free ones can be opened, taken ones say who uses them. */
@customElement('counter-choose')
export class CounterChoose extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 1100px;
        margin: 0 auto;
      }
      h2 {
        font-size: 1.5rem;
        color: var(--counter-text);
        margin: 8px 0 4px;
      }
      .hint {
        margin: 0 0 16px;
        color: var(--counter-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 14px;
      }
      .choice {
        width: 100%;
        min-height: 150px;
        display: grid;
        align-content: start;
        justify-items: start;
        gap: 6px;
        padding: 16px 18px;
        text-align: left;
        border-radius: var(--counter-radius);
        border: 1px solid var(--counter-border);
        background: var(--counter-surface);
        color: var(--counter-text);
      }
      button.choice {
        border: 2px solid var(--counter-accent);
      }
      .name {
        font-size: 1.35rem;
        font-weight: 700;
      }
      .services {
        font-weight: 400;
        color: var(--counter-muted);
      }
      .badge {
        display: inline-block;
        padding: 2px 10px;
        border-radius: 999px;
        font-weight: 700;
      }
      .free .badge {
        background: var(--counter-ok-bg);
        color: var(--counter-ok-text);
      }
      .taken {
        background: var(--counter-bg);
      }
      .taken .badge {
        background: var(--counter-neutral-bg);
        color: var(--counter-text);
        border: 1px dashed var(--counter-muted);
      }
    `,
  ];

  /** The counters, in order. */
  @property({ attribute: false }) choices: CounterChoice[] = [];
  /** The hall's services, for the names of those each counter covers. */
  @property({ attribute: false }) services: Service[] = [];
  /** The interface language. */
  @property() language: Lang = 'tr';
  /** The counter being opened right now, if any. */
  @property() opening: string | null = null;
  /** Why the last attempt to open a counter failed. */
  @property() error = '';

  override render() {
    const m = messages(this.language);
    return html`<section aria-labelledby="choose-heading">
      <h2 id="choose-heading">${m.chooseHeading}</h2>
      <p class="hint">${m.chooseHint}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <ul>
        ${this.choices.map((c) => html`<li>${this._renderChoice(c)}</li>`)}
      </ul>
    </section>`;
  }

  private _renderChoice(c: CounterChoice) {
    const m = messages(this.language);
    const services = c.serviceIds
      .map((id) => this.services.find((s) => s.id === id)?.name[this.language] ?? id)
      .join(', ');
    const body = html`<span class="name">${c.name}</span>
      <span class="services">${m.services}: ${services}</span>`;
    if (c.state === 'taken') {
      return html`<div class="choice taken" data-counter=${c.id}>
        ${body}
        <span class="badge">${c.clerkName ? m.inUseBy(c.clerkName) : m.inUse}</span>
      </div>`;
    }
    return html`<button
      type="button"
      class="choice free"
      data-counter=${c.id}
      ?disabled=${this.opening !== null}
      @click=${() => this._choose(c.id)}
    >
      ${body}
      <span class="badge">${m.free}</span>
    </button>`;
  }

  private _choose(id: string): void {
    this.dispatchEvent(
      new CustomEvent('counter-choose', { detail: id, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-choose': CounterChoose;
  }
}
