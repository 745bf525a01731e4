import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang } from '../../contract/domain.js';
import { settingsOverview } from '../../contract/endpoints/settings-hall.js';
import type { SettingsView } from '../../contract/settings.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { SETTINGS_SECTIONS, type SettingsSection } from './state/settings-sections.js';
import './manager-settings-audit.js';
import './manager-settings-bookings.js';
import './manager-settings-counters.js';
import './manager-settings-devices.js';
import './manager-settings-directorates.js';
import './manager-settings-hall.js';
import './manager-settings-printers.js';
import './manager-settings-services.js';
import './manager-settings-users.js';
import './manager-settings-webhooks.js';

/**
 * The admin's settings: the hall, services, counters, users, devices, printers and the change
 * log. Loads `GET /api/settings`, and again after every saved change (sections fire
 * `manager-settings-changed`).
 */
@customElement('manager-settings-view')
export class ManagerSettingsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 210px minmax(0, 1fr);
        gap: 14px;
        align-items: start;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      nav button {
        width: 100%;
        justify-content: flex-start;
      }
      .note {
        margin: 10px 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  @state() private _settings: SettingsView | null = null;
  @state() private _error = '';
  @state() private _section: SettingsSection = 'hall';

  @property() language: Lang = 'tr';
  /** The signed-in admin (they may not deactivate or demote themselves). */
  @property() meId = '';
  /** A section asked for from elsewhere (the live page's integrations warning). */
  @property({ attribute: false }) openSection: { section: SettingsSection } | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('openSection') && this.openSection) this._section = this.openSection.section;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('manager-settings-changed', this._onChanged);
    void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('manager-settings-changed', this._onChanged);
  }

  override render() {
    const m = messages(this.language);
    return html`
      <nav aria-label=${m.settingsSectionsLabel}>
        <h2 class="visually-hidden">${m.settingsHeading}</h2>
        <ul>
          ${SETTINGS_SECTIONS.map(
            (s) =>
              html`<li>
                <button
                  type="button"
                  aria-current=${s === this._section ? 'true' : 'false'}
                  @click=${() => (this._section = s)}
                >
                  ${m.sections[s]}
                </button>
              </li>`,
          )}
        </ul>
        <p class="note muted">${m.settingsLiveNote}</p>
      </nav>
      <div>
        ${
          this._error
            ? html`<p class="error" role="alert">
                ${this._error} <button type="button" @click=${this._load}>${m.reload}</button>
              </p>`
            : nothing
        }
        ${
          this._settings
            ? this._renderSection(this._settings)
            : this._error
              ? nothing
              : html`<p class="muted" role="status">${m.loading}</p>`
        }
      </div>
    `;
  }

  private _renderSection(s: SettingsView) {
    const lang = this.language;
    switch (this._section) {
      case 'hall':
        return html`<manager-settings-hall
          .hall=${s.hall}
          .language=${lang}
        ></manager-settings-hall>`;
      case 'services':
        return html`<manager-settings-services
          .services=${s.services}
          .language=${lang}
        ></manager-settings-services>`;
      case 'counters':
        return html`<manager-settings-counters
          .counters=${s.counters}
          .services=${s.services}
          .language=${lang}
        ></manager-settings-counters>`;
      case 'users':
        return html`<manager-settings-users
          .users=${s.users}
          .meId=${this.meId}
          .language=${lang}
        ></manager-settings-users>`;
      case 'devices':
        return html`<manager-settings-devices
          .devices=${s.devices}
          .printers=${s.printers}
          .timeZone=${s.hall.timeZone}
          .language=${lang}
        ></manager-settings-devices>`;
      case 'printers':
        return html`<manager-settings-printers
          .printers=${s.printers}
          .language=${lang}
        ></manager-settings-printers>`;
      case 'directorates':
        return html`<manager-settings-directorates
          .directorates=${s.directorates ?? []}
          .language=${lang}
        ></manager-settings-directorates>`;
      case 'bookings':
        return html`<manager-settings-bookings
          .hall=${s.hall}
          .services=${s.services}
          .language=${lang}
        ></manager-settings-bookings>`;
      case 'webhooks':
        return html`<manager-settings-webhooks
          canEdit
          .timeZone=${s.hall.timeZone}
          .language=${lang}
        ></manager-settings-webhooks>`;
      case 'audit':
        return html`<manager-settings-audit
          .timeZone=${s.hall.timeZone}
          .language=${lang}
        ></manager-settings-audit>`;
    }
  }

  private _load = async (): Promise<void> => {
    const r = await call(settingsOverview);
    if (r.ok) {
      this._settings = r.data;
      this._error = '';
      return;
    }
    if (r.status === 401) {
      this.dispatchEvent(
        new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
      );
      return;
    }
    this._error = `${messages(this.language).settingsLoadFailed} ${errorText(this.language, r.code)}`;
  };

  private readonly _onChanged = () => void this._load();
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-view': ManagerSettingsView;
  }
}
