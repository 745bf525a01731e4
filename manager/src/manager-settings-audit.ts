import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang } from '../../contract/domain.js';
import { auditLog } from '../../contract/endpoints/settings-hall.js';
import type { AuditEntryView } from '../../contract/settings.js';
import { errorText, messages } from './i18n.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { formatClock, formatDay } from './state/format.js';
import { localDay } from './state/date-range.js';

/** The change log: who changed which setting, when (newest first). */
@customElement('manager-settings-audit')
export class ManagerSettingsAudit extends LitElement {
  static override styles = [
    sharedStyles,
    settingsStyles,
    // The sentence is what a manager reads; the recorded detail (ids, codes) is for support.
    css`
      td.tech {
        font-size: 0.8rem;
        color: var(--manager-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private _entries: AuditEntryView[] | null = null;
  @state() private _error = '';

  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    const m = messages(this.language);
    const lang = this.language;
    return html`<section class="card" aria-labelledby="audit-heading">
      <div class="head">
        <h2 id="audit-heading">${m.sections.audit}</h2>
        <button type="button" @click=${this._load}>${m.reload}</button>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${
        this._entries === null
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : this._entries.length === 0
            ? html`<p class="muted">${m.noAudit}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${m.auditWhen}</th>
                    <th scope="col">${m.auditWho}</th>
                    <th scope="col">${m.auditAction}</th>
                    <th scope="col">${m.auditDetail}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this._entries.map(
                    (e) =>
                      html`<tr>
                        <td>
                          ${formatDay(lang, localDay(e.at, this.timeZone))}
                          ${formatClock(lang, e.at, this.timeZone)}
                        </td>
                        <td>${e.username ?? e.userId}</td>
                        <td
                          data-action=${e.action}
                          title=${[e.action, e.targetId].filter(Boolean).join(' · ')}
                        >
                          ${m.auditSentence(e.action, e.targetName)}
                        </td>
                        <td class="tech">${e.detail}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    </section>`;
  }

  private _load = async (): Promise<void> => {
    const r = await call(auditLog, { query: { limit: 200 } });
    if (r.ok) {
      this._entries = r.data;
      this._error = '';
    } else {
      this._error = errorText(this.language, r.code);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-audit': ManagerSettingsAudit;
  }
}
