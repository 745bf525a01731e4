import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { DeviceKind, Lang } from '../../contract/domain.js';
import {
  createDevice,
  displaySigns,
  revokeDevice,
  updateDevice,
} from '../../contract/endpoints/settings-devices.js';
import type {
  DevicePatch,
  DeviceView,
  DisplaySigns,
  PairedDevice,
  PrinterView,
} from '../../contract/settings.js';
import { inputField, selectField } from '../../ui/settings-fields.js';
import {
  confirmInRow,
  editForm,
  rowActions,
  settingsCard,
  settingsTable,
} from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import { managerEditor } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { localDay } from './state/date-range.js';
import { formatDay } from './state/format.js';
import { deviceProblems } from './state/settings-validation.js';
import './manager-secret-reveal.js';

interface DeviceDraft {
  kind: DeviceKind;
  name: string;
  printerId: string | null;
  /** A display's counter (its sign), or `null` for the whole hall. */
  signCounterId: string | null;
}

const EMPTY: DeviceDraft = { kind: 'kiosk', name: '', printerId: null, signCounterId: null };

/**
 * Kiosks and displays: register one (a kiosk with its printer, a display with what it shows:
 * the whole hall or one counter's sign) and get its pairing link, shown once; rename, change
 * the printer or what a display shows; revoke.
 */
@customElement('manager-settings-devices')
export class ManagerSettingsDevices extends LitElement {
  static override styles = settingsStyles;

  private _editor = managerEditor(this, EMPTY, (m) => ({
    kind: m.deviceKindLabel,
    name: m.deviceName,
    printerId: m.devicePrinter,
    signCounterId: m.deviceShows,
  }));

  @state() private _secret: { name: string; link: string } | null = null;
  @state() private _signs: DisplaySigns = { counters: [], signs: [] };

  @property({ attribute: false }) devices: DeviceView[] = [];
  @property({ attribute: false }) printers: PrinterView[] = [];
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override willUpdate(changed: PropertyValues<this>): void {
    // The list is reloaded after every change: what each display shows comes with it.
    if (changed.has('devices')) void this._loadSigns();
  }

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    return settingsCard(e, {
      id: 'devices-heading',
      heading: m.sections.devices,
      add: { label: m.newDevice, onClick: () => this._open(null) },
      body: html`${
        this._secret
          ? html`<manager-secret-reveal
              .heading=${m.pairingLinkFor(this._secret.name)}
              .secret=${this._secret.link}
              .help=${m.pairingHelp}
              .language=${this.language}
              @manager-secret-dismissed=${() => (this._secret = null)}
            ></manager-secret-reveal>`
          : nothing
      }
      ${e.editing ? this._renderForm() : nothing}
      ${settingsTable({
        key: 'device',
        id: (d) => d.id,
        off: (d) => d.revokedAt !== null,
        rows: this.devices,
        columns: [
          { label: m.deviceName, cell: (d) => d.name, rowHeader: true },
          { label: m.deviceKindLabel, cell: (d) => m.deviceKind[d.kind] },
          {
            label: m.devicePrinter,
            cell: (d) => (d.kind === 'kiosk' ? this._printerName(d) : '—'),
          },
          {
            label: m.deviceShows,
            cell: (d) =>
              html`<span data-shows>${d.kind === 'display' ? this._showsText(d.id) : '—'}</span>`,
          },
          {
            label: m.deviceCreated,
            cell: (d) => formatDay(this.language, localDay(d.createdAt, this.timeZone)),
          },
          {
            label: m.deviceState,
            cell: (d) => (d.revokedAt !== null ? m.revoked : m.deviceActive),
          },
          { label: m.actions, cell: (d) => this._renderActions(d) },
        ],
      })}`,
    });
  }

  private _renderActions(d: DeviceView) {
    const m = messages(this.language);
    const e = this._editor;
    if (d.revokedAt !== null) return nothing;
    if (e.confirmation(d.id)) {
      return confirmInRow(e, {
        question: m.confirmRevoke(d.name),
        confirm: m.revoke,
        onConfirm: () => void this._revoke(d),
      });
    }
    return rowActions(d.name, [
      { label: m.edit, onClick: () => this._open(d) },
      { label: m.revoke, onClick: () => e.ask(d.id, 'revoke') },
    ]);
  }

  private _renderForm() {
    const m = messages(this.language);
    const e = this._editor;
    const d = e.draft;
    const editing = this.devices.find((x) => x.id === e.editing);
    const kinds = (['kiosk', 'display'] as const).map((k) => ({
      value: k,
      label: m.deviceKind[k],
    }));
    const printers = [
      { value: '', label: m.noPrinter },
      ...this.printers.map((p) => ({ value: p.id, label: p.name })),
    ];
    const shows = [
      { value: '', label: m.showsWholeHall },
      ...this._signs.counters.map((c) => ({
        value: c.id,
        label: m.showsCounter(c.number, c.name),
      })),
    ];
    return editForm(e, {
      id: 'device-form-heading',
      heading: editing ? m.editing(editing.name) : m.newDevice,
      onSubmit: () => void this._save(editing ?? null),
      fields: html`
        ${editing ? nothing : selectField({ id: 'kind', label: m.deviceKindLabel, value: d.kind, options: kinds, onChange: (v) => e.set({ kind: v as DeviceKind, printerId: v === 'kiosk' ? d.printerId : null, signCounterId: v === 'display' ? d.signCounterId : null }) })}
        ${inputField({ id: 'name', label: m.deviceName, value: d.name, problem: e.problem('name'), onInput: (v) => e.set({ name: v }) })}
        ${
          d.kind === 'kiosk'
            ? selectField({
                id: 'printerId',
                label: m.devicePrinter,
                value: d.printerId ?? '',
                problem: e.problem('printerId'),
                options: printers,
                onChange: (v) => e.set({ printerId: v || null }),
              })
            : selectField({
                id: 'signCounterId',
                label: m.deviceShows,
                value: d.signCounterId ?? '',
                problem: e.problem('signCounterId'),
                help: m.showsHelp,
                options: shows,
                onChange: (v) => e.set({ signCounterId: v || null }),
              })
        }
      `,
    });
  }

  private _printerName(d: DeviceView): string {
    return (
      this.printers.find((p) => p.id === d.printerId)?.name ?? messages(this.language).noPrinter
    );
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
    const r = await call(displaySigns);
    if (!r.ok) return;
    this._signs = r.data;
    // A display opened in the form before its sign was known shows it now.
    const e = this._editor;
    const open = this.devices.find((x) => x.id === e.editing);
    if (open?.kind === 'display')
      e.draft = { ...e.draft, signCounterId: this._signCounterOf(open.id) };
  }

  private _open(d: DeviceView | null): void {
    this._secret = null;
    this._editor.open(
      d?.id ?? null,
      d
        ? {
            kind: d.kind,
            name: d.name,
            printerId: d.printerId,
            signCounterId: this._signCounterOf(d.id),
          }
        : { ...EMPTY, printerId: this.printers[0]?.id ?? null },
    );
  }

  private async _save(current: DeviceView | null): Promise<void> {
    const e = this._editor;
    const d = { ...e.draft, name: e.draft.name.trim() };
    const patch: DevicePatch = {};
    if (current && d.name !== current.name) patch.name = d.name;
    if (current?.kind === 'kiosk' && d.printerId !== current.printerId)
      patch.printerId = d.printerId;
    if (current?.kind === 'display' && d.signCounterId !== this._signCounterOf(current.id))
      patch.signCounterId = d.signCounterId;
    const created = await e.save<DeviceView | PairedDevice>({
      problems: deviceProblems(d),
      send: current
        ? Object.keys(patch).length === 0
          ? null
          : () => call(updateDevice, { params: { deviceId: current.id }, body: patch })
        : () =>
            call(createDevice, {
              body: {
                kind: d.kind,
                name: d.name,
                printerId: d.kind === 'kiosk' ? d.printerId : null,
                signCounterId: d.kind === 'display' ? d.signCounterId : null,
              },
            }),
    });
    if (created && 'pairingUrl' in created) {
      this._secret = { name: created.device.name, link: created.pairingUrl };
    }
  }

  private async _revoke(d: DeviceView): Promise<void> {
    await this._editor.run(() => call(revokeDevice, { params: { deviceId: d.id } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-devices': ManagerSettingsDevices;
  }
}
