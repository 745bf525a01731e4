import { html as plainHtml, nothing, type TemplateResult } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { SettingsEditor } from './settings-editor.js';

/**
 * The templates of one list-and-edit settings section, drawn in the section's own shadow root
 * (so labels, ids and `aria-labelledby` stay in one tree) from its `SettingsEditor`: the card
 * with heading and "new" button, the polite status line, the form with save / cancel and the
 * refusal at its foot, the table of rows with their actions. Style them with
 * `settingsSectionStyles` (`settings-section.styles.ts`).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEditor = SettingsEditor<any>;

/** The section's card: heading (and "new" button), status and row refusal, then the body. */
export function settingsCard(
  editor: AnyEditor | null,
  o: {
    /** The heading's id (the section is labelled by it). */
    id: string;
    heading: string;
    add?: { label: string; onClick: () => void };
    intro?: string;
    body: unknown;
  },
): TemplateResult {
  const status = editor?.status;
  return plainHtml`<section class="card" aria-labelledby=${o.id}>
    <div class="head">
      <h2 id=${o.id}>${o.heading}</h2>
      ${o.add ? plainHtml`<button type="button" @click=${o.add.onClick}>${o.add.label}</button>` : nothing}
    </div>
    ${o.intro ? plainHtml`<p class="muted">${o.intro}</p>` : nothing}
    ${
      editor
        ? plainHtml`<p class=${status ? (status.ok ? 'ok' : 'error') : 'status'} role="status">
            ${status?.text ?? ''}
          </p>`
        : nothing
    }
    ${editor?.rowError ? plainHtml`<p class="error" role="alert">${editor.rowError}</p>` : nothing}
    ${o.body}
  </section>`;
}

/**
 * The edit form: its heading (absent when the card's heading says it), the fields, and save
 * (busy while sending), cancel (unless the form is always open) and the refusal, announced.
 */
export function editForm(
  editor: AnyEditor,
  o: {
    /** The heading's id; the form is labelled by it. */
    id?: string;
    heading?: string;
    /** False for a form that is always open (one record, no list). */
    cancel?: boolean;
    onSubmit: () => void;
    fields: unknown;
  },
): TemplateResult {
  const t = editor.text;
  const error = editor.formError;
  return plainHtml`<form
    class="edit"
    novalidate
    aria-labelledby=${o.heading && o.id ? o.id : nothing}
    @submit=${(e: Event) => {
      e.preventDefault();
      o.onSubmit();
    }}
  >
    ${o.heading ? plainHtml`<h3 id=${o.id ?? nothing}>${o.heading}</h3>` : nothing}
    ${o.fields}
    <div class="form-actions">
      <button class="primary" type="submit" ?disabled=${editor.busy}>
        ${editor.busy ? t.saving : t.save}
      </button>
      ${
        o.cancel === false
          ? nothing
          : plainHtml`<button type="button" @click=${() => editor.close()}>${t.cancel}</button>`
      }
      ${error ? plainHtml`<p class="error" role="alert">${error}</p>` : nothing}
    </div>
  </form>`;
}

/** One column of a settings table: its heading and what each row shows in it. */
export interface Column<Row> {
  label: string;
  cell: (row: Row) => unknown;
  /** The column that names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** A figure, aligned right. */
  num?: boolean;
}

/**
 * The rows of a section as a table. Each row carries `data-<key>="<id>"` (e.g.
 * `data-device`), so tests and styles find a row by what it is; `off` greys a retired one.
 */
export function settingsTable<Row>(o: {
  columns: Array<Column<Row>>;
  rows: readonly Row[];
  key: string;
  id: (row: Row) => string;
  off?: (row: Row) => boolean;
  /** Said in one cell when there are no rows. */
  empty?: string;
}): TemplateResult {
  const attribute = unsafeStatic(`data-${o.key.replace(/[^a-z-]/g, '')}`);
  const cell = (c: Column<Row>, row: Row) =>
    c.rowHeader
      ? plainHtml`<th scope="row" class=${c.num ? 'num' : nothing}>${c.cell(row)}</th>`
      : plainHtml`<td class=${c.num ? 'num' : nothing}>${c.cell(row)}</td>`;
  return plainHtml`<table>
    <thead>
      <tr>
        ${o.columns.map(
          (c) => plainHtml`<th scope="col" class=${c.num ? 'num' : nothing}>${c.label}</th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${
        o.rows.length === 0 && o.empty
          ? plainHtml`<tr>
              <td colspan=${o.columns.length} class="muted">${o.empty}</td>
            </tr>`
          : o.rows.map(
              (row) =>
                html`<tr class=${o.off?.(row) ? 'off' : ''} ${attribute}=${o.id(row)}>
                  ${o.columns.map((c) => cell(c, row))}
                </tr>`,
            )
      }
    </tbody>
  </table>`;
}

/** A row action: its button says `label`, and reads "label: row name" to a screen reader. */
export interface RowAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}

/** A row's action buttons; `false` or `null` entries are left out (an action not offered). */
export function rowActions(name: string, actions: Array<RowAction | false | null>): TemplateResult {
  return plainHtml`<div class="row-actions">
    ${actions.map((a) =>
      a
        ? plainHtml`<button
            type="button"
            aria-label=${`${a.label}: ${name}`}
            ?disabled=${a.disabled ?? false}
            @click=${a.onClick}
          >
            ${a.label}
          </button>`
        : nothing,
    )}
  </div>`;
}

/** A destructive row action asked in place: the question, confirm, and cancel. */
export function confirmInRow(
  editor: AnyEditor,
  o: { question: string; confirm: string; onConfirm: () => void; groupLabel?: string },
): TemplateResult {
  return plainHtml`<div class="confirm" role="group" aria-label=${o.groupLabel ?? editor.text.actions}>
    <span>${o.question}</span>
    <button type="button" class="primary" @click=${o.onConfirm}>${o.confirm}</button>
    <button type="button" @click=${() => editor.ask(null)}>${editor.text.cancel}</button>
  </div>`;
}
