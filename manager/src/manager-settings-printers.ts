import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PrintOutcome } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import type { PrinterInput, PrinterTransportKind, PrinterView } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, numberOf, selectField } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import {
  changedFields,
  describeServerError,
  printerProblems,
  type PrinterDraft,
  type Problems,
} from './state/settings-validation.js';

const EMPTY: PrinterDraft = {
  name: '',
  transport: 'tcp',
  address: '',
  paperWidth: 80,
  codePage: 13,
};
const TRANSPORTS: PrinterTransportKind[] = ['tcp', 'device', 'none'];

const draftOf = (p: PrinterView): PrinterDraft => ({
  name: p.name,
  transport: p.transport,
  address: p.address,
  paperWidth: p.paperWidth,
  codePage: p.codePage,
});

/** Ticket printers: name, connection and address, paper width, code page number; test page. */
@customElement('manager-settings-printers')
export class ManagerSettingsPrinters extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  @state() private _editing: string | null = null;
  @state() private _draft: PrinterDraft = EMPTY;
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
  @state() private _note: { ok: boolean; text: string } | null = null;

  @property({ attribute: false }) printers: PrinterView[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="printers-set-heading">
      <div class="head">
        <h2 id="printers-set-heading">${m.sections.printers}</h2>
        <button type="button" @click=${() => this._open(null)}>${m.newPrinter}</button>
      </div>
      ${
        this._note
          ? html`<p class=${this._note.ok ? 'ok' : 'error'} role="status">${this._note.text}</p>`
          : nothing
      }
      ${this._editing ? this._renderForm() : nothing}
      <table>
        <thead>
          <tr>
            <th scope="col">${m.printerName}</th>
            <th scope="col">${m.transport}</th>
            <th scope="col">${m.address}</th>
            <th scope="col">${m.paperWidth}</th>
            <th scope="col" class="num">${m.codePage}</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${
            this.printers.length === 0
              ? html`<tr>
                  <td colspan="6" class="muted">${m.noPrinters}</td>
                </tr>`
              : this.printers.map(
                  (p) =>
                    html`<tr data-printer=${p.id}>
                      <th scope="row">${p.name}</th>
                      <td>${m.transports[p.transport]}</td>
                      <td>${p.address || '—'}</td>
                      <td>${m.mm(p.paperWidth)}</td>
                      <td class="num">${p.codePage}</td>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            aria-label=${`${m.edit}: ${p.name}`}
                            @click=${() => this._open(p)}
                          >
                            ${m.edit}
                          </button>
                          <button
                            type="button"
                            aria-label=${`${m.testPrint}: ${p.name}`}
                            @click=${() => void this._test(p)}
                          >
                            ${m.testPrint}
                          </button>
                        </div>
                      </td>
                    </tr>`,
                )
          }
        </tbody>
      </table>
    </section>`;
  }

  private _renderForm() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.printers.find((p) => p.id === this._editing);
    const problem = (f: string) =>
      this._problems[f]
        ? m.problems[this._problems[f]]
        : this._serverError?.field === f
          ? this._serverError.text
          : undefined;
    const set = (patch: Partial<PrinterDraft>) => (this._draft = { ...this._draft, ...patch });
    return html`<form
      class="edit"
      novalidate
      @submit=${this._save}
      aria-labelledby="printer-form-heading"
    >
      <h3 id="printer-form-heading">${editing ? m.editing(editing.name) : m.newPrinter}</h3>
      ${inputField({ id: 'name', label: m.printerName, value: d.name, problem: problem('name'), onInput: (v) => set({ name: v }) })}
      ${selectField({ id: 'transport', label: m.transport, value: d.transport, problem: problem('transport'), options: TRANSPORTS.map((t) => ({ value: t, label: m.transports[t] })), onChange: (v) => set({ transport: v as PrinterTransportKind, address: v === 'none' ? '' : d.address }) })}
      ${inputField({ id: 'address', label: m.address, value: d.address, help: m.addressHelp[d.transport], problem: problem('address'), onInput: (v) => set({ address: v }) })}
      ${selectField({ id: 'paperWidth', label: m.paperWidth, value: d.paperWidth, problem: problem('paperWidth'), options: ([80, 58] as const).map((w) => ({ value: w, label: m.mm(w) })), onChange: (v) => set({ paperWidth: Number(v) === 58 ? 58 : 80 }) })}
      ${inputField({ id: 'codePage', label: m.codePage, type: 'number', min: 0, max: 255, value: Number.isFinite(d.codePage) ? d.codePage : '', help: m.codePageHelp, problem: problem('codePage'), onInput: (v) => set({ codePage: numberOf(v) }) })}
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

  private _open(p: PrinterView | null): void {
    this._editing = p ? p.id : 'new';
    this._draft = p ? draftOf(p) : EMPTY;
    this._problems = {};
    this._serverError = null;
    this._note = null;
  }

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const current = this.printers.find((p) => p.id === this._editing) ?? null;
    const input: PrinterInput = {
      ...this._draft,
      name: this._draft.name.trim(),
      address: this._draft.address.trim(),
    };
    this._problems = printerProblems(input);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const body = current ? changedFields(draftOf(current), input) : input;
    if (current && Object.keys(body).length === 0) {
      this._editing = null;
      return;
    }
    this._busy = true;
    const r = current
      ? await apiRequest<PrinterView>('PATCH', `/printers/${encodeURIComponent(current.id)}`, body)
      : await apiRequest<PrinterView>('POST', '/printers', body);
    this._busy = false;
    if (!r.ok) {
      const labels = {
        name: m.printerName,
        transport: m.transport,
        address: m.address,
        paperWidth: m.paperWidth,
        codePage: m.codePage,
      };
      this._serverError = describeServerError(
        r.error,
        labels,
        errorText(this.language, r.error.code),
      );
      return;
    }
    this._editing = null;
    this._note = { ok: true, text: m.saved };
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }

  private async _test(p: PrinterView): Promise<void> {
    const m = messages(this.language);
    this._note = null;
    const r = await apiRequest<{ outcome: PrintOutcome }>(
      'POST',
      `/printers/${encodeURIComponent(p.id)}/test`,
    );
    this._note = r.ok
      ? { ok: r.data.outcome === 'printed', text: `${p.name}: ${m.testOutcome[r.data.outcome]}` }
      : { ok: false, text: `${p.name}: ${errorText(this.language, r.error.code)}` };
    // The test job updates the printer's online state on the live monitor.
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-printers': ManagerSettingsPrinters;
  }
}
