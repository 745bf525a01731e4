import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';

/** Placeholder. */
@customElement('manager-stats-view')
export class ManagerStatsView extends LitElement {
  @property() language: Lang = 'tr';
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-stats-view': ManagerStatsView;
  }
}
