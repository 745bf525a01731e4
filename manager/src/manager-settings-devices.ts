import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceKind, Lang } from '../../contract/domain.js';
import type {
  DevicePatch,
  DeviceView,
  PairedDevice,
  PrinterView,
} from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, selectField } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { formatDay } from './state/format.js';
import { localDay } from './state/date-range.js';
import { describeServerError, deviceProblems, type Problems } from './state/settings-validation.js';
import './manager-secret-reveal.js';

interface DeviceDraft {
  kind: DeviceKind;
  name: string;
  printerId: string | null;
}

/** Kiosks and displays: create one and get its pairing link (once), rename, revoke. */
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
  @state() private _draft: DeviceDraft = { kind: 'kiosk', name: '', printerId: null };
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
  @state() private _confirm: string | null = null;
  @state() private _secret: { heading: string; link: string } | null = null;
  @state() private _rowError = '';

  @property({ attribute: false }) devices: DeviceView[] = [];
  @property({ attribute: false }) printers: PrinterView[] = [];
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

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
      ${this._editing ? this._renderForm() : nothing}
      ${this._rowError ? html`<p class="error" role="alert">${this._rowError}</p>` : nothing}
      <table>
        <thead>
          <tr>
            <th scope="col">${m.deviceName}</th>
            <th scope="col">${m.deviceKindLabel}</th>
            <th scope="col">${m.devicePrinter}</th>
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

  private _renderForm() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.devices.find((x) => x.id === this._editing);
    const problem = (f: string) =>
      this._problems[f]
        ? m.problems[this._problems[f]]
        : this._serverError?.field === f
          ? this._serverError.text
          : undefined;
    const set = (patch: Partial<DeviceDraft>) => (this._draft = { ...this._draft, ...patch });
    const printers = [
      { value: '', label: m.noPrinter },
      ...this.printers.map((p) => ({ value: p.id, label: p.name })),
    ];
    return html`<form
      class="edit"
      novalidate
      @submit=${this._save}
      aria-labelledby="device-form-heading"
    >
      <h3 id="device-form-heading">${editing ? m.editing(editing.name) : m.newDevice}</h3>
      ${
        editing
          ? nothing
          : selectField({
              id: 'kind',
              label: m.deviceKindLabel,
              value: d.kind,
              options: (['kiosk', 'display'] as const).map((k) => ({
                value: k,
                label: m.deviceKind[k],
              })),
              onChange: (v) =>
                set({ kind: v as DeviceKind, printerId: v === 'kiosk' ? d.printerId : null }),
            })
      }
      ${inputField({ id: 'name', label: m.deviceName, value: d.name, problem: problem('name'), onInput: (v) => set({ name: v }) })}
      ${
        d.kind === 'kiosk'
          ? selectField({
              id: 'printerId',
              label: m.devicePrinter,
              value: d.printerId ?? '',
              problem: problem('printerId'),
              options: printers,
              onChange: (v) => set({ printerId: v || null }),
            })
          : nothing
      }
      <div class="form-actions">
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? m.saving : m.save}
        </button>
        <button type="button" @click=${() => (this._editing = null)}>${m.cancel}</button>
        ${
          Object.keys(this._problems).length > 0
            ? html`<p class="error" role="alert">${m.fixProblems}</p>`
            : this._serverError
              ? html`<p class="error" role="alert">${this._serverError.text}</p>`
              : nothing
        }
      </div>
    </form>`;
  }

  private _open(d: DeviceView | null): void {
    this._editing = d ? d.id : 'new';
    this._draft = d
      ? { kind: d.kind, name: d.name, printerId: d.printerId }
      : { kind: 'kiosk', name: '', printerId: this.printers[0]?.id ?? null };
    this._problems = {};
    this._serverError = null;
    this._secret = null;
  }

  private _labels() {
    const m = messages(this.language);
    return { kind: m.deviceKindLabel, name: m.deviceName, printerId: m.devicePrinter };
  }

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const current = this.devices.find((x) => x.id === this._editing) ?? null;
    this._problems = deviceProblems(this._draft);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const name = this._draft.name.trim();
    this._busy = true;
    let ok: boolean;
    if (current) {
      const patch: DevicePatch = {};
      if (name !== current.name) patch.name = name;
      if (current.kind === 'kiosk' && this._draft.printerId !== current.printerId)
        patch.printerId = this._draft.printerId;
      const r =
        Object.keys(patch).length === 0
          ? null
          : await apiRequest<DeviceView>(
              'PATCH',
              `/devices/${encodeURIComponent(current.id)}`,
              patch,
            );
      ok = r === null || r.ok;
      if (r && !r.ok)
        this._serverError = describeServerError(
          r.error,
          this._labels(),
          errorText(this.language, r.error.code),
        );
    } else {
      const body = {
        kind: this._draft.kind,
        name,
        printerId: this._draft.kind === 'kiosk' ? this._draft.printerId : null,
      };
      const r = await apiRequest<PairedDevice>('POST', '/devices', body);
      ok = r.ok;
      if (r.ok)
        this._secret = { heading: m.pairingLinkFor(r.data.device.name), link: r.data.pairingUrl };
      else
        this._serverError = describeServerError(
          r.error,
          this._labels(),
          errorText(this.language, r.error.code),
        );
    }
    this._busy = false;
    if (!ok) return;
    this._editing = null;
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
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
