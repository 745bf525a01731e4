import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import { styles } from './kiosk-service-grid.styles.js';
import type { ServiceButton } from './state/service-buttons.js';

/**
 * The big service buttons. Fires `service-select` with the service id. All of them show at
 * once where the screen has room; otherwise the list scrolls, with a cue beneath it.
 */
@customElement('kiosk-service-grid')
export class KioskServiceGrid extends LitElement {
  static override styles = styles;

  @query('.scroller') private _scroller!: HTMLElement | null;

  /** `null` when everything fits; else whether more buttons lie below the visible ones. */
  @state() private _more: 'below' | 'end' | null = null;

  /** The buttons to show, from `serviceButtons()`. */
  @property({ attribute: false }) buttons: ServiceButton[] = [];
  /** Accessible name of the list. */
  @property() label = '';
  /** Language of the scroll cue. */
  @property() language: Lang = 'tr';

  private readonly _resize = new ResizeObserver(() => this._measure());

  override firstUpdated(): void {
    if (this._scroller) {
      this._resize.observe(this._scroller);
      const list = this._scroller.querySelector('ul');
      if (list) this._resize.observe(list);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
  }

  override updated(): void {
    this._measure();
  }

  override render() {
    const text = t(this.language);
    // A list that scrolls can be reached from a keyboard too, even when its buttons are
    // disabled (the kiosk is offline).
    return html`<div
        class="scroller"
        tabindex=${this._more ? '0' : nothing}
        @scroll=${this._measure}
      >
        <ul aria-label=${this.label}>
          ${this.buttons.map(
            (b) =>
              html`<li>
                <button
                  type="button"
                  class="service"
                  data-service=${b.serviceId}
                  ?disabled=${b.disabled}
                  @click=${() => this._select(b.serviceId)}
                >
                  <span class="prefix" aria-hidden="true">${b.prefix}</span>
                  <span class="name">${b.name}</span>
                  <span class="figures">
                    ${
                      b.note ??
                      html`<span>${b.waiting}</span><span class="sep" aria-hidden="true">·</span
                        ><strong>${b.wait}</strong>`
                    }
                  </span>
                </button>
              </li>`,
          )}
        </ul>
      </div>
      ${
        this._more
          ? html`<button type="button" class="more" @click=${this._scrollOn}>
              <span class="arrow" aria-hidden="true">${this._more === 'below' ? '↓' : '↑'}</span>
              ${this._more === 'below' ? text.moreServices : text.backToTop}
            </button>`
          : null
      }`;
  }

  private _measure = (): void => {
    const el = this._scroller;
    if (!el) return;
    const overflowing = el.scrollHeight > el.clientHeight + 2;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    const more = !overflowing ? null : atEnd ? 'end' : 'below';
    if (more !== this._more) this._more = more;
  };

  private _scrollOn = (): void => {
    const el = this._scroller;
    if (!el) return;
    const top = this._more === 'below' ? el.scrollTop + el.clientHeight * 0.8 : 0;
    el.scrollTo({ top, behavior: 'smooth' });
  };

  private _select(serviceId: string): void {
    this.dispatchEvent(
      new CustomEvent<string>('service-select', {
        detail: serviceId,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-grid': KioskServiceGrid;
  }
}
