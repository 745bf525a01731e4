import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { text } from './i18n.js';
import { boardPlan } from './state/board-layout.js';
import type { CounterTile } from './state/board.js';
import './display-counter-card.js';

/** Gap between cards, as a share of the screen's shorter side (the CSS uses the same). */
const GAP_VMIN = 1.4;
/** The card labels' smallest size, as a share of the short side (the card's CSS uses the same). */
const MIN_LABEL_VMIN = 1.8;

/**
 * The open counters and what each is calling. The grid's shape is chosen from the space the
 * board gets on this screen (`boardPlan`), so 1 to 12 counters fill any screen without overlap.
 */
@customElement('display-counter-board')
export class DisplayCounterBoard extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      min-width: 0;
    }
    h2 {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    ul {
      flex: 1;
      display: grid;
      gap: ${GAP_VMIN}vmin;
      margin: 0;
      padding: 0;
      list-style: none;
      min-height: 0;
    }
    li {
      min-height: 0;
      min-width: 0;
      display: grid;
    }
    .empty {
      flex: 1;
      display: grid;
      place-content: center;
      text-align: center;
      border: var(--display-edge) dashed var(--display-panel-edge);
      border-radius: var(--display-radius);
      font-size: 5vmin;
      font-weight: 700;
    }
    .empty span {
      display: block;
      margin-top: 1vmin;
      font-size: 3.4vmin;
      color: var(--display-muted);
    }
  `;

  @state() private _size = { width: 0, height: 0 };

  /** One tile per open or paused counter. */
  @property({ attribute: false }) tiles: CounterTile[] = [];

  private readonly resize = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const { width, height } = entry.contentRect;
    if (width !== this._size.width || height !== this._size.height) this._size = { width, height };
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  override render() {
    const heading = html`<h2>${text.currentCalls.tr} / ${text.currentCalls.en}</h2>`;
    if (this.tiles.length === 0) {
      return html`${heading}
        <div class="empty">
          ${text.noCountersOpen.tr}<span lang="en">${text.noCountersOpen.en}</span>
        </div>`;
    }
    const ticketChars = Math.max(4, ...this.tiles.map((t) => t.ticketNumber?.length ?? 0));
    const counterDigits = Math.max(...this.tiles.map((t) => String(t.counterNumber).length));
    const vmin = Math.min(innerWidth, innerHeight) / 100;
    const plan = boardPlan(
      this.tiles.length,
      this._size.width || innerWidth,
      this._size.height || innerHeight / 2,
      GAP_VMIN * vmin,
      MIN_LABEL_VMIN * vmin,
      ticketChars,
      counterDigits,
    );
    return html`${heading}
      <ul
        style="grid-template-columns: repeat(${plan.columns}, minmax(0, 1fr)); grid-template-rows: repeat(${plan.rows}, minmax(0, 1fr))"
      >
        ${repeat(
          this.tiles,
          (t) => t.id,
          (t) =>
            html`<li>
              <display-counter-card
                .tile=${t}
                layout=${plan.layout}
                .ticketChars=${ticketChars}
                .counterDigits=${counterDigits}
              ></display-counter-card>
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-counter-board': DisplayCounterBoard;
  }
}
