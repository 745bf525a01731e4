import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, PriorityGroup } from '../../contract/domain.js';
import { t } from './i18n.js';

const GROUPS: readonly PriorityGroup[] = ['elderly', 'disabled', 'pregnant', 'veteran'];

/**
 * The statutory priority groups. Fires `priority-select` with the group, or `back`.
 */
@customElement('kiosk-priority-picker')
export class KioskPriorityPicker extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--kiosk-gap);
      height: 100%;
    }
    h1 {
      margin: 0;
      font-size: var(--kiosk-text-xl);
      line-height: 1.1;
    }
    p {
      margin: 0;
      font-size: var(--kiosk-text-m);
      color: var(--kiosk-muted);
    }
    ul {
      flex: 1;
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--kiosk-gap);
      grid-template-columns: repeat(var(--kiosk-grid-columns, 1), minmax(0, 1fr));
      /* Rows share the height; with large text on a short panel they keep their text and scroll. */
      grid-auto-rows: minmax(min-content, 1fr);
      min-height: 0;
      overflow-y: auto;
      padding: 0.8vmin;
      margin: -0.8vmin;
    }
    li {
      display: flex;
    }
    button {
      font: inherit;
      border: 0;
      border-radius: var(--kiosk-radius);
      cursor: pointer;
      touch-action: manipulation;
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 4px;
    }
    .group {
      flex: 1;
      min-height: var(--kiosk-touch);
      padding: 2vmin var(--kiosk-pad);
      background: var(--kiosk-priority);
      color: var(--kiosk-priority-ink);
      font-size: var(--kiosk-text-xl);
      font-weight: 800;
      box-shadow: 0 0.6vmin 0 var(--kiosk-priority-active);
    }
    .group:active {
      background: var(--kiosk-priority-active);
    }
    .back {
      align-self: flex-start;
      min-height: var(--kiosk-touch);
      padding: 0 var(--kiosk-pad);
      background: var(--kiosk-surface);
      color: var(--kiosk-ink);
      border: 3px solid var(--kiosk-ink);
      font-size: var(--kiosk-text-m);
      font-weight: 700;
    }
  `;

  @property() language: Lang = 'tr';

  override render() {
    const text = t(this.language);
    return html`
      <h1>${text.priorityTitle}</h1>
      <p>${text.priorityHint}</p>
      <ul>
        ${GROUPS.map(
          (g) =>
            html`<li>
              <button
                type="button"
                class="group"
                data-group=${g}
                @click=${() => this._emit('priority-select', g)}
              >
                ${text.priorityGroups[g]}
              </button>
            </li>`,
        )}
      </ul>
      <button type="button" class="back" @click=${() => this._emit('back', null)}>
        ← ${text.back}
      </button>
    `;
  }

  private _emit(name: 'priority-select' | 'back', detail: PriorityGroup | null): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-priority-picker': KioskPriorityPicker;
  }
}
