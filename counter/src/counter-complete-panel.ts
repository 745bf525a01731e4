import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CompleteRequest } from '../../contract/api.js';
import type { Lang, Outcome } from '../../contract/domain.js';
import type { DirectorateChoice } from '../../contract/settings.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { panelStyles } from './panel-styles.js';

/** Lower case without marks, `ı` as `i`: "zabita" finds Zabıta, "isleri" finds İşleri. */
const fold = (s: string) =>
  s.toLocaleLowerCase('tr').normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');

/**
 * Finishing a visit: outcome, the directorate a forwarded visit goes to (a searchable list the
 * keyboard drives: type to narrow, ↑ ↓ to choose, Enter to complete), an optional note; fires
 * `counter-submit` or `counter-cancel`.
 */
@customElement('counter-complete-panel')
export class CounterCompletePanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      [role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 4px;
        max-height: min(40vh, 280px);
        overflow-y: auto;
        border: 1px solid var(--counter-border);
        border-radius: var(--counter-radius);
        background: var(--counter-surface);
      }
      [role='option'] {
        display: flex;
        justify-content: space-between;
        gap: 12px;
        align-items: center;
        min-height: 40px;
        padding: 4px 10px;
        border-radius: 6px;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--counter-accent);
        color: var(--counter-on-accent);
        font-weight: 600;
      }
      .count,
      .hint {
        font-size: 0.85rem;
        color: inherit;
        opacity: 0.8;
      }
      .hint {
        margin: 0;
      }
    `,
  ];

  @query('#note') private _note!: HTMLInputElement;
  @query('#directorate-search') private _search?: HTMLInputElement;
  @state() private _picked: Outcome | null = null;
  @state() private _filter = '';
  @state() private _directorateId: string | null = null;
  @state() private _missing = false;

  /** The outcome chosen when the form opened (D: resolved, F: forwarded). */
  @property() outcome: Outcome = 'resolved';
  /** Where a visit may be forwarded, most used today first; `null` while loading. */
  @property({ attribute: false }) directorates: DirectorateChoice[] | null = null;
  /** The list could not be loaded. */
  @property({ type: Boolean }) directoratesFailed = false;
  /** The interface language. */
  @property() language: Lang = 'tr';

  private get _chosen(): Outcome {
    return this._picked ?? this.outcome;
  }

  override firstUpdated(): void {
    (this._chosen === 'forwarded' ? (this._search ?? this._note) : this._note).focus();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // A new D/F press while the form is open picks that outcome again.
    if (changed.has('outcome')) this._picked = null;
  }

  override updated(changed: Map<string, unknown>): void {
    // Choosing "forwarded" (or the list arriving for it) takes the clerk to the search.
    if (this._chosen !== 'forwarded' || !this._search) return;
    const nowForwarded = changed.has('_picked') || changed.has('outcome');
    const listArrived = changed.has('directorates') && changed.get('directorates') === null;
    if (nowForwarded || listArrived) this._search.focus();
  }

  override render() {
    const m = messages(this.language);
    const chosen = this._chosen;
    const target = chosen === 'forwarded' ? this._selected() : null;
    const radio = (value: Outcome, label: string, key: string) =>
      html`<label class="option"
        ><input
          type="radio"
          name="outcome"
          value=${value}
          .checked=${chosen === value}
          @change=${() => (this._picked = value)}
        />
        ${label} <kbd aria-hidden="true">${key}</kbd></label
      >`;
    const summary = target ? `${m.forwarded} → ${this._name(target)}` : m.forwarded;
    return html`<form @submit=${this._submit} aria-labelledby="complete-heading">
      <h3 id="complete-heading">${m.complete}</h3>
      <fieldset>
        <legend>${m.outcome}</legend>
        ${radio('resolved', m.resolved, 'D')} ${radio('forwarded', m.forwarded, 'F')}
      </fieldset>
      ${chosen === 'forwarded' ? this._renderDirectorates() : null}
      <label class="field" for="note"
        >${m.note} <input id="note" name="note" maxlength="500" autocomplete="off"
      /></label>
      <div class="buttons">
        <button class="primary" type="submit">
          <span>${m.complete}: ${chosen === 'resolved' ? m.resolved : summary}</span
          ><kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" @click=${this._cancel}>
          <span>${m.cancel}</span><kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>`;
  }

  private _renderDirectorates() {
    const m = messages(this.language);
    if (this.directoratesFailed)
      return html`<p class="error" role="alert">${m.directoratesFailed}</p>`;
    if (this.directorates === null) return html`<p role="status">${m.directoratesLoading}</p>`;
    const list = this._filtered();
    const selected = this._selected();
    return html`<div class="field">
      <label for="directorate-search">${m.directorate}</label>
      <input
        id="directorate-search"
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls="directorate-list"
        aria-activedescendant=${selected ? `directorate-${selected.id}` : ''}
        aria-describedby="directorate-hint"
        aria-invalid=${this._missing ? 'true' : 'false'}
        placeholder=${m.directorateSearch}
        .value=${this._filter}
        @input=${this._onFilter}
        @keydown=${this._onSearchKey}
      />
      <ul id="directorate-list" role="listbox" aria-label=${m.directorate}>
        ${list.map(
          (d) =>
            html`<li
              id=${`directorate-${d.id}`}
              role="option"
              aria-selected=${d.id === selected?.id ? 'true' : 'false'}
              @click=${() => this._choose(d.id)}
            >
              <span>${this._name(d)}</span>
              ${
                d.forwardedToday > 0
                  ? html`<span class="count">${m.directorateToday(d.forwardedToday)}</span>`
                  : null
              }
            </li>`,
        )}
      </ul>
      ${list.length === 0 ? html`<p class="hint">${m.directorateNoMatch}</p>` : null}
      <p class="hint" id="directorate-hint">${m.directorateHint}</p>
      ${this._missing ? html`<p class="error" role="alert">${m.directorateRequired}</p>` : null}
    </div>`;
  }

  private _name(d: DirectorateChoice): string {
    return this.language === 'en' ? (d.name.en ?? d.name.tr) : d.name.tr;
  }

  private _filtered(): DirectorateChoice[] {
    const q = fold(this._filter.trim());
    const all = this.directorates ?? [];
    return q ? all.filter((d) => fold(`${d.name.tr} ${d.name.en ?? ''}`).includes(q)) : all;
  }

  /**
   * The directorate the form would send: the one chosen if still in the list, else the first
   * match of what was typed. Nothing before the clerk types or chooses: Enter on an untouched
   * list must not forward to whichever directorate happens to be first.
   */
  private _selected(): DirectorateChoice | null {
    const list = this._filtered();
    const chosen = list.find((d) => d.id === this._directorateId);
    if (chosen) return chosen;
    return this._filter.trim() ? (list[0] ?? null) : null;
  }

  private _choose(id: string): void {
    this._directorateId = id;
    this._missing = false;
    this._search?.focus();
  }

  private _onFilter(e: Event): void {
    this._filter = (e.target as HTMLInputElement).value;
    this._missing = false;
  }

  private _onSearchKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const list = this._filtered();
    if (list.length === 0) return;
    const at = list.findIndex((d) => d.id === this._selected()?.id);
    const next =
      at < 0
        ? e.key === 'ArrowDown'
          ? 0
          : list.length - 1
        : (at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length;
    this._choose(list[next]!.id);
    this.renderRoot
      .querySelector(`#directorate-${CSS.escape(list[next]!.id)}`)
      ?.scrollIntoView({ block: 'nearest' });
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const note = this._note.value.trim();
    const outcome = this._chosen;
    const detail: CompleteRequest = { outcome };
    if (outcome === 'forwarded') {
      const target = this._selected();
      if (!target) {
        this._missing = true;
        this._search?.focus();
        return;
      }
      detail.directorateId = target.id;
    }
    if (note) detail.note = note;
    this.dispatchEvent(
      new CustomEvent('counter-submit', { detail, bubbles: true, composed: true }),
    );
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent('counter-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-complete-panel': CounterCompletePanel;
  }
}
