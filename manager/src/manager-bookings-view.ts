import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import '../../ui/staff-booking.js';

/** The manager's "Randevular" tab: phone-in booking and today's bookings of the hall. */
@customElement('manager-bookings-view')
export class ManagerBookingsView extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 1200px;
    }
  `;

  /** The manager's hall. */
  @property() hallId = '';
  /** The interface language. */
  @property() language: Lang = 'tr';

  override render() {
    return html`<staff-booking .hallId=${this.hallId} .language=${this.language}></staff-booking>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-bookings-view': ManagerBookingsView;
  }
}
