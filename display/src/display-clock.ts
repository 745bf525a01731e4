import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { clockFace } from './state/clock.js';

/** The hall's wall clock (tr-TR, the hall's time zone), corrected by the server's clock. */
@customElement('display-clock')
export class DisplayClock extends LitElement {
  static override styles = css`
    :host {
      display: block;
      text-align: right;
      white-space: nowrap;
    }
    time {
      display: block;
      font-size: 5.6vmin;
      line-height: 1;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
    .date {
      display: block;
      margin-top: 0.2vmin;
      font-size: 2vmin;
      color: var(--display-muted);
    }
  `;

  @state() private _now = Date.now();

  /** IANA time zone of the hall (`Europe/Istanbul`). */
  @property() timeZone = 'Europe/Istanbul';
  /** Server clock minus this device's clock. */
  @property({ type: Number }) offsetMs = 0;

  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this._now = Date.now()), 1_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    const at = this._now + this.offsetMs;
    const face = clockFace(at, this.timeZone);
    return html`<time datetime=${new Date(at).toISOString()}>${face.time}</time
      ><span class="date">${face.date}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-clock': DisplayClock;
  }
}
