import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { CSV_DIALECTS, type CsvDialect } from '../../contract/stats.js';
import { downloadFile } from './download.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import type { DayRange } from './state/date-range.js';
import {
  defaultCsvDialect,
  EXPORT_FORMATS,
  exportFileName,
  exportUrl,
  type DownloadProgress,
  type ExportFormat,
} from './state/export-file.js';
import { formatBytes } from './state/format.js';

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

/**
 * Export buttons (CSV, Excel, JSON) for the range. One download at a time, with a progress bar
 * (bytes received; indeterminate when the server streams without a length) and a cancel button.
 */
@customElement('manager-export-bar')
export class ManagerExportBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .progress {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 4px 12px;
        align-items: center;
        margin-top: 10px;
      }
      progress {
        width: 100%;
        height: 14px;
        accent-color: var(--manager-accent);
      }
      .progress p {
        margin: 0;
        grid-column: 1;
        font-weight: 600;
      }
      .ok {
        margin: 8px 0 0;
        padding: 8px 12px;
        border-radius: 8px;
        background: var(--manager-ok-bg);
        color: var(--manager-ok-text);
        font-weight: 600;
      }
      p.hint {
        margin: 0 0 8px;
        font-size: 0.9rem;
      }
      label.dialect {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        margin: 0 0 8px;
      }
    `,
  ];

  @state() private _running: {
    format: ExportFormat;
    name: string;
    progress: DownloadProgress;
  } | null = null;
  @state() private _outcome: Outcome = null;
  /** The manager's choice; until they choose, the page language's default. */
  @state() private _dialect: CsvDialect | null = null;
  private _abort: AbortController | null = null;

  @property({ attribute: false }) range!: DayRange;
  @property() hallId = '';
  @property() language: Lang = 'tr';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">${m.exportHeading}</h2>
      <p class="hint muted">${m.exportHint}</p>
      <label class="dialect">
        ${m.csvDialectLabel}
        <select
          data-testid="csv-dialect"
          @change=${(e: Event) =>
            (this._dialect = (e.target as HTMLSelectElement).value as CsvDialect)}
        >
          ${CSV_DIALECTS.map(
            (d) =>
              html`<option value=${d} ?selected=${d === this._csvDialect()}>
                ${m.csvDialect[d]}
              </option>`,
          )}
        </select>
      </label>
      <div class="buttons">
        ${EXPORT_FORMATS.map(
          (f) =>
            html`<button
              type="button"
              class=${f === 'csv' ? 'primary' : ''}
              data-format=${f}
              ?disabled=${this._running !== null}
              @click=${() => void this._download(f)}
            >
              ${m.exportButton[f]}
            </button>`,
        )}
      </div>
      ${this._renderProgress()}
      <div role="status" aria-live="polite">
        ${
          this._outcome?.kind === 'done'
            ? html`<p class="ok">${this._outcome.text}</p>`
            : this._outcome?.kind === 'error'
              ? html`<p class="error">${this._outcome.text}</p>`
              : nothing
        }
      </div>
    </section>`;
  }

  private _csvDialect(): CsvDialect {
    return this._dialect ?? defaultCsvDialect(this.language);
  }

  private _renderProgress() {
    const run = this._running;
    if (!run) return nothing;
    const m = messages(this.language);
    const lang = this.language;
    const p = run.progress;
    const size = formatBytes(lang, p.received);
    const text =
      p.total === null ? m.received(size) : m.receivedOf(size, formatBytes(lang, p.total));
    return html`<div class="progress" data-testid="export-progress">
      <progress
        aria-label=${m.downloading(run.name)}
        max="1"
        value=${p.fraction === null ? nothing : p.fraction}
      ></progress>
      <button type="button" @click=${this._cancel}>${m.cancel}</button>
      <p>${m.downloading(run.name)} ${text}</p>
    </div>`;
  }

  private async _download(format: ExportFormat): Promise<void> {
    if (this._running) return;
    const m = messages(this.language);
    const name = exportFileName(this.hallId, this.range, format);
    this._abort = new AbortController();
    this._outcome = null;
    this._running = { format, name, progress: { received: 0, total: null, fraction: null } };
    const result = await downloadFile(
      exportUrl(this.range, format, this._csvDialect()),
      name,
      (progress) => {
        if (this._running) this._running = { ...this._running, progress };
      },
      this._abort.signal,
    );
    this._running = null;
    this._abort = null;
    if (result.ok) {
      this._outcome = {
        kind: 'done',
        text: m.downloadDone(result.fileName, formatBytes(this.language, result.bytes)),
      };
    } else if (result.code === 'aborted') {
      this._outcome = { kind: 'error', text: m.downloadCancelled };
    } else {
      if (result.status === 401) {
        this.dispatchEvent(
          new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
        );
      }
      this._outcome = {
        kind: 'error',
        text: result.status === 0 ? m.downloadFailed : errorText(this.language, result.code),
      };
    }
  }

  private _cancel(): void {
    this._abort?.abort();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-export-bar': ManagerExportBar;
  }
}
