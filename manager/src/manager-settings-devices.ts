import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { DeviceView, DisplaySigns, PrinterView } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { formatDay } from './state/format.js';
import { localDay } from './state/date-range.js';
import { describeServerError } from './state/settings-validation.js';
import type { DeviceSaved } from './manager-device-form.js';
import './manager-device-form.js';
import './manager-secret-reveal.js';

/**
 * Kiosks and displays: create one and get its pairing link (once), rename, revoke, and set a
 * display to the whole hall or one counter's sign.
 */
@customElement('manager-settings-devices')
export class ManagerSettingsDevices extends LitElement {
  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      .confirm {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        font-weight: 600;
        color: var(--manager-red-text);
      }
    `,
  ];

  @state() private _editing: string | null = null;
  @state() private _confirm: string | null = null;
  @state() private _secret: { heading: string; link: string } | null = null;
  @state() private _rowError = '';
  @state() private _signs: DisplaySigns = { counters: [], signs: [] };

  @property({ attribute: false }) devices: DeviceView[] = [];
  @property({ attribute: false }) printers: PrinterView[] = [];
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override willUpdate(changed: Map<string, unknown>): void {
    // The list is reloaded after every change: what each display shows comes with it.
    if (changed.has('devices')) void this._loadSigns();
  }

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="devices-heading">
      <div class="head">
        <h2 id="devices-heading">${m.sections.devices}</h2>
        <button type="button" @click=${() => this._open(null)}>${m.newDevice}</button>
      </div>
      ${
        this._secret
          ? html`<manager-secret-reveal
              .heading=${this._secret.heading}
              .secret=${this._secret.link}
              .help=${m.pairingHelp}
              .language=${this.language}
              @manager-secret-dismissed=${() => (this._secret = null)}
            ></manager-secret-reveal>`
          : nothing
      }
      ${
        this._editing
          ? html`<manager-device-form
              .device=${this.devices.find((d) => d.id === this._editing) ?? null}
              .printers=${this.printers}
              .counters=${this._signs.counters}
              .signCounterId=${this._signCounterOf(this._editing)}
              .language=${this.language}
              @manager-device-saved=${this._onSaved}
              @manager-form-cancel=${() => (this._editing = null)}
            ></manager-device-form>`
          : nothing
      }
      ${this._rowError ? html`<p class="error" role="alert">${this._rowError}</p>` : nothing}
      <table>
        <thead>
          <tr>
            <th scope="col">${m.deviceName}</th>
            <th scope="col">${m.deviceKindLabel}</th>
            <th scope="col">${m.devicePrinter}</th>
            <th scope="col">${m.deviceShows}</th>
            <th scope="col">${m.deviceCreated}</th>
            <th scope="col">${m.deviceState}</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${this.devices.map((d) => this._renderRow(d))}
        </tbody>
      </table>
    </section>`;
  }

  private _renderRow(d: DeviceView) {
    const m = messages(this.language);
    const revoked = d.revokedAt !== null;
    const printer = this.printers.find((p) => p.id === d.printerId)?.name ?? m.noPrinter;
    return html`<tr class=${revoked ? 'off' : ''} data-device=${d.id}>
      <th scope="row">${d.name}</th>
      <td>${m.deviceKind[d.kind]}</td>
      <td>${d.kind === 'kiosk' ? printer : '—'}</td>
      <td data-shows>${d.kind === 'display' ? this._showsText(d.id) : '—'}</td>
      <td>${formatDay(this.language, localDay(d.createdAt, this.timeZone))}</td>
      <td>${revoked ? m.revoked : m.deviceActive}</td>
      <td>
        ${
          revoked
            ? nothing
            : this._confirm === d.id
              ? html`<div class="confirm">
                  <span>${m.confirmRevoke(d.name)}</span>
                  <button type="button" class="primary" @click=${() => void this._revoke(d)}>
                    ${m.revoke}
                  </button>
                  <button type="button" @click=${() => (this._confirm = null)}>${m.cancel}</button>
                </div>`
              : html`<div class="row-actions">
                  <button
                    type="button"
                    aria-label=${`${m.edit}: ${d.name}`}
                    @click=${() => this._open(d)}
                  >
                    ${m.edit}
                  </button>
                  <button
                    type="button"
                    aria-label=${`${m.revoke}: ${d.name}`}
                    @click=${() => (this._confirm = d.id)}
                  >
                    ${m.revoke}
                  </button>
                </div>`
        }
      </td>
    </tr>`;
  }

  private _signCounterOf(deviceId: string | null): string | null {
    return this._signs.signs.find((s) => s.deviceId === deviceId)?.counterId ?? null;
  }

  private _showsText(deviceId: string): string {
    const m = messages(this.language);
    const id = this._signCounterOf(deviceId);
    const counter = this._signs.counters.find((c) => c.id === id);
    if (id === null) return m.showsWholeHall;
    return counter ? m.showsCounter(counter.number, counter.name) : m.showsRemovedCounter;
  }

  private async _loadSigns(): Promise<void> {
    const r = await apiRequest<DisplaySigns>('GET', '/devices/signs');
    if (r.ok) this._signs = r.data;
  }

  private _open(d: DeviceView | null): void {
    this._editing = d ? d.id : 'new';
    this._secret = null;
    this._rowError = '';
  }

  private _labels() {
    const m = messages(this.language);
    return {
      kind: m.deviceKindLabel,
      name: m.deviceName,
      printerId: m.devicePrinter,
      signCounterId: m.deviceShows,
    };
  }

  private _onSaved(e: CustomEvent<DeviceSaved>): void {
    this._editing = null;
    const { name, pairingUrl } = e.detail;
    if (pairingUrl !== null) {
      this._secret = { heading: messages(this.language).pairingLinkFor(name), link: pairingUrl };
    }
  }

  private async _revoke(d: DeviceView): Promise<void> {
    this._confirm = null;
    this._rowError = '';
    const r = await apiRequest<DeviceView>('POST', `/devices/${encodeURIComponent(d.id)}/revoke`);
    if (!r.ok) {
      this._rowError = describeServerError(
        r.error,
        this._labels(),
        errorText(this.language, r.error.code),
      ).text;
      return;
    }
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-devices': ManagerSettingsDevices;
  }
}
