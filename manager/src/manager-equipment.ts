import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PrinterStatusView } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { printerProblem, printerRows, type DeviceRow } from './state/equipment.js';
import { formatClock } from './state/format.js';

/** Ticket printers (polled every 30 s) and the registered kiosks and displays. */
@customElement('manager-equipment')
export class ManagerEquipment extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0 0 8px;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 2px 8px;
        padding: 6px 8px;
        border-radius: 8px;
        background: var(--manager-bg);
      }
      .badge {
        font-weight: 700;
        font-size: 0.85rem;
        padding: 1px 8px;
        border-radius: 999px;
        background: var(--manager-neutral-bg);
      }
      .badge[data-state='online'] {
        background: var(--manager-ok-bg);
        color: var(--manager-ok-text);
      }
      .badge[data-state='offline'],
      .badge[data-state='revoked'] {
        background: var(--manager-red-bg);
        color: var(--manager-red-text);
      }
      .badge[data-state='online']::before {
        content: '● ';
      }
      .badge[data-state='offline']::before {
        content: '✕ ';
      }
      .detail {
        grid-column: 1 / -1;
        font-size: 0.85rem;
        color: var(--manager-muted);
      }
      .detail.err {
        color: var(--manager-red-text);
        font-weight: 600;
      }
      .detail.tech {
        font-size: 0.75rem;
        overflow-wrap: anywhere;
      }
      h3 {
        margin-top: 4px;
      }
      p {
        margin: 0 0 8px;
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) printers: PrinterStatusView[] | null = null;
  @property({ type: Boolean }) printersFailed = false;
  @property({ attribute: false }) printersCheckedAt: number | null = null;
  /** Registered devices (from the settings); null when this role cannot read them. */
  @property({ attribute: false }) devices: DeviceRow[] | null = null;
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="equipment-heading">
      <h2 id="equipment-heading">${m.equipmentHeading}</h2>
      <h3>${m.printersHeading}</h3>
      ${this._renderPrinters()}
      <h3>${m.devicesHeading}</h3>
      ${this._renderDevices()}
    </section>`;
  }

  private _renderPrinters() {
    const m = messages(this.language);
    const lang = this.language;
    const checked = this.printersCheckedAt
      ? html`<p class="muted">
          ${m.checkedAt(formatClock(lang, this.printersCheckedAt, this.timeZone))}
        </p>`
      : nothing;
    if (this.printers === null) {
      return this.printersFailed
        ? html`<p class="error">${m.printersFailed}</p>`
        : html`<p class="muted">${m.loading}</p>`;
    }
    if (this.printers.length === 0)
      return html`<p class="muted">${m.noPrinters}</p>
        ${checked}`;
    const label = { online: m.printerOnline, offline: m.printerOffline, unknown: m.printerUnknown };
    return html`<ul data-testid="printers">
        ${printerRows(this.printers).map(
          (p) =>
            html`<li>
              <span>${p.name}</span>
              <span class="badge" data-state=${p.state}>${label[p.state]}</span>
              ${
                p.lastError
                  ? html`<span class="detail err"
                        >${m.printerProblem[printerProblem(p.lastError)]}</span
                      >
                      <span class="detail tech" title=${p.lastError}
                        >${m.technicalDetail}: <code>${p.lastError}</code></span
                      >`
                  : nothing
              }
              ${
                p.lastPrintAt
                  ? html`<span class="detail"
                      >${m.lastPrint(formatClock(lang, p.lastPrintAt, this.timeZone))}</span
                    >`
                  : nothing
              }
            </li>`,
        )}
      </ul>
      ${this.printersFailed ? html`<p class="error">${m.printersFailed}</p>` : nothing} ${checked}`;
  }

  private _renderDevices() {
    const m = messages(this.language);
    if (this.devices === null) return html`<p class="muted">${m.loading}</p>`;
    return html`${
      this.devices.length === 0
        ? html`<p class="muted">${m.noDevices}</p>`
        : html`<ul>
            ${this.devices.map(
              (d) =>
                html`<li>
                  <span>${d.name} · ${m.deviceKind[d.kind]}</span>
                  <span class="badge" data-state=${d.online ? 'online' : 'offline'}
                    >${d.online ? m.printerOnline : m.printerOffline}</span
                  >
                  ${
                    !d.online && d.lastSeenAt
                      ? html`<span class="detail"
                          >${m.lastSeen(formatClock(this.language, d.lastSeenAt, this.timeZone))}</span
                        >`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-equipment': ManagerEquipment;
  }
}
