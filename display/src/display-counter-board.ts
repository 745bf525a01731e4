import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { text } from './i18n.js';
import type { CounterTile } from './state/board.js';
import './display-counter-card.js';

/** The open counters and what each is calling, in a grid that fills the space it is given. */
@customElement('display-counter-board')
export class DisplayCounterBoard extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
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
      gap: 24px;
      margin: 0;
      padding: 0;
      list-style: none;
      min-height: 0;
    }
    li {
      min-height: 0;
      display: grid;
    }
    .empty {
      flex: 1;
      display: grid;
      place-content: center;
      text-align: center;
      border: 4px dashed var(--display-panel-edge);
      border-radius: var(--display-radius);
      font-size: 64px;
      font-weight: 700;
    }
    .empty span {
      display: block;
      margin-top: 12px;
      font-size: 40px;
      color: var(--display-muted);
    }
  `;

  /** One tile per open or paused counter. */
  @property({ attribute: false }) tiles: CounterTile[] = [];

  override render() {
    const heading = html`<h2>${text.currentCalls.tr} / ${text.currentCalls.en}</h2>`;
    if (this.tiles.length === 0) {
      return html`${heading}
        <div class="empty">
          ${text.noCountersOpen.tr}<span lang="en">${text.noCountersOpen.en}</span>
        </div>`;
    }
    const { columns, rows } = gridShape(this.tiles.length);
    return html`${heading}
      <ul
        style="grid-template-columns: repeat(${columns}, 1fr); grid-template-rows: repeat(${rows}, 1fr)"
      >
        ${repeat(
          this.tiles,
          (t) => t.id,
          (t) => html`<li><display-counter-card .tile=${t}></display-counter-card></li>`,
        )}
      </ul>`;
  }
}

/** One column of wide rows for a few counters, two columns up to ten, then three. */
function gridShape(count: number): { columns: number; rows: number } {
  const columns = count <= 3 ? 1 : count <= 10 ? 2 : 3;
  return { columns, rows: Math.max(3, Math.ceil(count / columns)) };
}

declare global {
  interface HTMLElementTagNameMap {
    'display-counter-board': DisplayCounterBoard;
  }
}
