import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, PriorityGroup } from '../../contract/domain.js';
import { messages } from './i18n.js';

/**
 * A visitor's priority group as a mark and in words (★ Engelli): the clerk may ask for a
 * document, so the group must be visible wherever the ticket is. The star and the words carry
 * it, not the colour. Renders nothing for a normal ticket.
 */
@customElement('counter-priority-badge')
export class CounterPriorityBadge extends LitElement {
  static override styles = css`
    /* Positioned, so the hidden words stay inside a scrolled list instead of growing the page. */
    :host {
      display: inline-block;
      position: relative;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 1px 8px;
      border: 2px solid var(--counter-priority-edge, #6a2fb0);
      border-radius: 999px;
      background: var(--counter-priority-bg, #f1e7fc);
      color: var(--counter-priority-text, #3f1670);
      font-weight: 700;
      font-size: 0.9em;
      line-height: 1.4;
      white-space: nowrap;
    }
    .star {
      font-size: 1.05em;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  /** The ticket's priority group, `null` for a normal ticket. */
  @property() group: PriorityGroup | null = null;
  /** Also say "Öncelikli sıra" in visible words (the current visit has room for it). */
  @property({ type: Boolean }) long = false;
  /** The interface language. */
  @property() language: Lang = 'tr';

  override render() {
    if (!this.group) return nothing;
    const m = messages(this.language);
    const label = m.priorityLabel;
    return html`<span class="badge" data-testid="priority-badge" data-priority=${this.group}
      ><span class="star" aria-hidden="true">★</span
      >${this.long ? html`${label}: ` : html`<span class="visually-hidden">${label}: </span>`}${
        m.priorityGroups[this.group]
      }</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-priority-badge': CounterPriorityBadge;
  }
}
