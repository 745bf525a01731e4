import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang } from '../../contract/domain.js';
import { testPrinter } from '../../contract/endpoints/printers.js';
import { createPrinter, updatePrinter } from '../../contract/endpoints/settings-printers.js';
import type { PrinterInput, PrinterTransportKind, PrinterView } from '../../contract/settings.js';
import { inputField, numberOf, selectField } from '../../ui/settings-fields.js';
import { editForm, rowActions, settingsCard, settingsTable } from '../../ui/settings-section.js';
import { errorText, messages } from './i18n.js';
import { managerEditor, patchOf } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { printerProblems, type PrinterDraft } from './state/settings-validation.js';

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
  static override styles = settingsStyles;

  private _editor = managerEditor(this, EMPTY, (m) => ({
    name: m.printerName,
    transport: m.transport,
    address: m.address,
    paperWidth: m.paperWidth,
    codePage: m.codePage,
  }));

  @property({ attribute: false }) printers: PrinterView[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    return settingsCard(e, {
      id: 'printers-set-heading',
      heading: m.sections.printers,
      add: { label: m.newPrinter, onClick: () => e.open(null) },
      body: html`${e.editing ? this._renderForm() : nothing}
      ${settingsTable({
        key: 'printer',
        id: (p) => p.id,
        rows: this.printers,
        empty: m.noPrinters,
        columns: [
          { label: m.printerName, cell: (p) => p.name, rowHeader: true },
          { label: m.transport, cell: (p) => m.transports[p.transport] },
          { label: m.address, cell: (p) => p.address || '—' },
          { label: m.paperWidth, cell: (p) => m.mm(p.paperWidth) },
          { label: m.codePage, cell: (p) => p.codePage, num: true },
          {
            label: m.actions,
            cell: (p) =>
              rowActions(p.name, [
                { label: m.edit, onClick: () => e.open(p.id, draftOf(p)) },
                { label: m.testPrint, onClick: () => void this._test(p) },
              ]),
          },
        ],
      })}`,
    });
  }

  private _renderForm() {
    const m = messages(this.language);
    const e = this._editor;
    const d = e.draft;
    const editing = this.printers.find((p) => p.id === e.editing);
    return editForm(e, {
      id: 'printer-form-heading',
      heading: editing ? m.editing(editing.name) : m.newPrinter,
      onSubmit: () => void this._save(),
      fields: html`
        ${inputField({ id: 'name', label: m.printerName, value: d.name, problem: e.problem('name'), onInput: (v) => e.set({ name: v }) })}
        ${selectField({ id: 'transport', label: m.transport, value: d.transport, problem: e.problem('transport'), options: TRANSPORTS.map((t) => ({ value: t, label: m.transports[t] })), onChange: (v) => e.set({ transport: v as PrinterTransportKind, address: v === 'none' ? '' : d.address }) })}
        ${inputField({ id: 'address', label: m.address, value: d.address, help: m.addressHelp[d.transport], problem: e.problem('address'), onInput: (v) => e.set({ address: v }) })}
        ${selectField({ id: 'paperWidth', label: m.paperWidth, value: d.paperWidth, problem: e.problem('paperWidth'), options: ([80, 58] as const).map((w) => ({ value: w, label: m.mm(w) })), onChange: (v) => e.set({ paperWidth: Number(v) === 58 ? 58 : 80 }) })}
        ${inputField({ id: 'codePage', label: m.codePage, type: 'number', min: 0, max: 255, value: d.codePage, help: m.codePageHelp, problem: e.problem('codePage'), onInput: (v) => e.set({ codePage: numberOf(v) }) })}
      `,
    });
  }

  private async _save(): Promise<void> {
    const e = this._editor;
    const current = this.printers.find((p) => p.id === e.editing) ?? null;
    const d = e.draft;
    const input: PrinterInput = { ...d, name: d.name.trim(), address: d.address.trim() };
    await e.save({
      problems: printerProblems(input),
      send: current
        ? patchOf(draftOf(current), input, (body) =>
            call(updatePrinter, { params: { printerId: current.id }, body }),
          )
        : () => call(createPrinter, { body: input }),
    });
  }

  /** Prints a test page; its outcome is announced, and the live monitor's printer state moves. */
  private async _test(p: PrinterView): Promise<void> {
    const m = messages(this.language);
    const e = this._editor;
    e.announce(null);
    const r = await call(testPrinter, { params: { printerId: p.id } });
    e.announce(
      r.ok
        ? { ok: r.data.outcome === 'printed', text: `${p.name}: ${m.testOutcome[r.data.outcome]}` }
        : { ok: false, text: `${p.name}: ${errorText(this.language, r.code)}` },
    );
    e.changed();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-printers': ManagerSettingsPrinters;
  }
}
