import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceKind, Lang } from '../../contract/domain.js';
import type {
  DevicePatch,
  DeviceView,
  DisplaySigns,
  PairedDevice,
  PrinterView,
} from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, selectField } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { describeServerError, deviceProblems, type Problems } from './state/settings-validation.js';

interface DeviceDraft {
  kind: DeviceKind;
  name: string;
  printerId: string | null;
  signCounterId: string | null;
}

/** What a saved device form reports: a new device's one-time pairing link, if one was made. */
export interface DeviceSaved {
  name: string;
  pairingUrl: string | null;
}

/**
 * Registers a kiosk or display (a kiosk with its printer, a display with what it shows: the
 * whole hall or one counter's sign), or renames one / changes its printer or what it shows. Fires `manager-device-saved` and `manager-settings-changed` on success,
 * `manager-form-cancel` on cancel.
 */
@customElement('manager-device-form')
export class ManagerDeviceForm extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  @state() private _draft: DeviceDraft = {
    kind: 'kiosk',
    name: '',
    printerId: null,
    signCounterId: null,
  };
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;

  /** The device to change; null registers a new one. */
  @property({ attribute: false }) device: DeviceView | null = null;
  @property({ attribute: false }) printers: PrinterView[] = [];
  /** The counters a display may show as a sign. */
  @property({ attribute: false }) counters: DisplaySigns['counters'] = [];
  /** The edited display's counter (its sign), or `null` for the whole hall. */
  @property({ attribute: false }) signCounterId: string | null = null;
  @property() language: Lang = 'tr';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('device')) {
      const d = this.device;
      this._draft = d
        ? { kind: d.kind, name: d.name, printerId: d.printerId, signCounterId: this.signCounterId }
        : {
            kind: 'kiosk',
            name: '',
            printerId: this.printers[0]?.id ?? null,
            signCounterId: null,
          };
      this._problems = {};
      this._serverError = null;
    } else if (changed.has('signCounterId') && this.device) {
      this._draft = { ...this._draft, signCounterId: this.signCounterId };
    }
  }

  override render() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.device;
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
    const shows = [
      { value: '', label: m.showsWholeHall },
      ...this.counters.map((c) => ({ value: c.id, label: m.showsCounter(c.number, c.name) })),
    ];
    const kinds = (['kiosk', 'display'] as const).map((k) => ({
      value: k,
      label: m.deviceKind[k],
    }));
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
              options: kinds,
              onChange: (v) =>
                set({
                  kind: v as DeviceKind,
                  printerId: v === 'kiosk' ? d.printerId : null,
                  signCounterId: v === 'display' ? d.signCounterId : null,
                }),
            })
      }
      ${inputField({
        id: 'name',
        label: m.deviceName,
        value: d.name,
        problem: problem('name'),
        onInput: (v) => set({ name: v }),
      })}
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
          : selectField({
              id: 'signCounterId',
              label: m.deviceShows,
              value: d.signCounterId ?? '',
              problem: problem('signCounterId'),
              help: m.showsHelp,
              options: shows,
              onChange: (v) => set({ signCounterId: v || null }),
            })
      }
      <div class="form-actions">
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? m.saving : m.save}
        </button>
        <button type="button" @click=${this._cancel}>${m.cancel}</button>
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

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const current = this.device;
    this._problems = deviceProblems(this._draft);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const name = this._draft.name.trim();
    let r;
    if (current) {
      const patch: DevicePatch = {};
      if (name !== current.name) patch.name = name;
      if (current.kind === 'kiosk' && this._draft.printerId !== current.printerId)
        patch.printerId = this._draft.printerId;
      if (current.kind === 'display' && this._draft.signCounterId !== this.signCounterId)
        patch.signCounterId = this._draft.signCounterId;
      if (Object.keys(patch).length === 0) return this._done({ name, pairingUrl: null });
      this._busy = true;
      r = await apiRequest<DeviceView>(
        'PATCH',
        `/devices/${encodeURIComponent(current.id)}`,
        patch,
      );
    } else {
      this._busy = true;
      r = await apiRequest<PairedDevice>('POST', '/devices', {
        kind: this._draft.kind,
        name,
        printerId: this._draft.kind === 'kiosk' ? this._draft.printerId : null,
        signCounterId: this._draft.kind === 'display' ? this._draft.signCounterId : null,
      });
    }
    this._busy = false;
    if (!r.ok) {
      const labels = {
        kind: m.deviceKindLabel,
        name: m.deviceName,
        printerId: m.devicePrinter,
        signCounterId: m.deviceShows,
      };
      this._serverError = describeServerError(
        r.error,
        labels,
        errorText(this.language, r.error.code),
      );
      return;
    }
    const data = r.data as DeviceView | PairedDevice;
    this._done(
      'pairingUrl' in data
        ? { name: data.device.name, pairingUrl: data.pairingUrl }
        : { name: data.name, pairingUrl: null },
    );
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }

  private _done(saved: DeviceSaved): void {
    this.dispatchEvent(new CustomEvent<DeviceSaved>('manager-device-saved', { detail: saved }));
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent('manager-form-cancel'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-device-form': ManagerDeviceForm;
  }
}
