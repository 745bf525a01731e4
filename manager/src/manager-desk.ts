import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { ManagerLiveController } from './manager-live-controller.js';
import { sharedStyles } from './shared-styles.js';
import type { SettingsSection } from './state/settings-sections.js';
import { tabByKey, tabFromHash, tabsFor, type Tab } from './state/tabs.js';
import './manager-bookings-view.js';
import './manager-live-view.js';
import './manager-report-view.js';
import './manager-settings-view.js';
import './manager-staffing-view.js';
import './manager-stats-view.js';

/**
 * A signed-in manager's desk: owns the hall connection and the tabs (live monitor,
 * statistics, and settings for admins). A tab once opened stays mounted, so a report or a
 * form half filled in survives a look at the live monitor.
 */
@customElement('manager-desk')
export class ManagerDesk extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      [role='tablist'] {
        display: flex;
        gap: 4px;
        border-bottom: 2px solid var(--manager-accent-strong);
        margin-bottom: 12px;
      }
      [role='tab'] {
        border-radius: 8px 8px 0 0;
        border-bottom: 0;
        min-height: 42px;
        padding: 6px 18px;
      }
      .banner {
        margin: 0 0 10px;
      }
      @media print {
        [role='tablist'],
        .banner {
          display: none;
        }
      }
    `,
  ];

  private _live = new ManagerLiveController(this, {
    onExpired: () =>
      this.dispatchEvent(
        new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
      ),
    readsSettings: () => this.me?.role === 'admin',
  });

  @state() private _tab: Tab = 'live';
  @state() private _opened = new Set<Tab>(['live']);
  /** The settings section a warning elsewhere asked for (an admin only). */
  @state() private _openSection: { section: SettingsSection } | null = null;

  /** The signed-in manager or admin. */
  @property({ attribute: false }) me!: Me;
  /** The interface language. */
  @property() language: Lang = 'tr';

  override connectedCallback(): void {
    super.connectedCallback();
    this._select(tabFromHash(location.hash, this.me.role), false);
    window.addEventListener('hashchange', this._onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this._onHash);
  }

  override render() {
    const m = messages(this.language);
    const tabs = tabsFor(this.me.role);
    const model = this._live.model;
    const connection = this._live.connection;
    return html`
      <div role="tablist" aria-label=${m.tabsLabel} @keydown=${this._onTabKey}>
        ${tabs.map(
          (t) =>
            html`<button
              type="button"
              role="tab"
              id=${`tab-${t}`}
              aria-controls=${this._opened.has(t) ? `panel-${t}` : nothing}
              aria-selected=${t === this._tab ? 'true' : 'false'}
              tabindex=${t === this._tab ? 0 : -1}
              @click=${() => this._select(t)}
            >
              ${m.tabs[t]}
            </button>`,
        )}
      </div>
      ${
        connection === 'offline' && model
          ? html`<p class="notice banner" role="status">${m.offline}</p>`
          : nothing
      }
      ${tabs.map((t) =>
        this._opened.has(t)
          ? html`<section
              role="tabpanel"
              id=${`panel-${t}`}
              aria-labelledby=${`tab-${t}`}
              ?hidden=${t !== this._tab}
            >
              ${this._renderPanel(t)}
            </section>`
          : nothing,
      )}
    `;
  }

  private _renderPanel(tab: Tab) {
    const model = this._live.model;
    switch (tab) {
      case 'live':
        return html`<manager-live-view
          .model=${model}
          .printers=${this._live.printers}
          .printersFailed=${this._live.printersFailed}
          .printersCheckedAt=${this._live.printersCheckedAt}
          .devices=${this._live.devices}
          .userRole=${this.me.role}
          .language=${this.language}
          .active=${this._tab === 'live'}
          @manager-open-settings=${this._onOpenSettings}
        ></manager-live-view>`;
      case 'stats':
        return html`<manager-stats-view
          .hallId=${this.me.hallId}
          .timeZone=${model?.hall.timeZone ?? 'Europe/Istanbul'}
          .services=${model?.services ?? []}
          .language=${this.language}
        ></manager-stats-view>`;
      case 'report':
        return html`<manager-report-view
          .hallName=${model?.hall.name ?? ''}
          .timeZone=${model?.hall.timeZone ?? 'Europe/Istanbul'}
          .services=${model?.services ?? []}
          .language=${this.language}
        ></manager-report-view>`;
      case 'plan':
        return html`<manager-staffing-view
          .timeZone=${model?.hall.timeZone ?? 'Europe/Istanbul'}
          .language=${this.language}
        ></manager-staffing-view>`;
      case 'bookings':
        return html`<manager-bookings-view
          .hallId=${this.me.hallId}
          .language=${this.language}
        ></manager-bookings-view>`;
      case 'settings':
        return html`<manager-settings-view
          .language=${this.language}
          .meId=${this.me.id}
          .openSection=${this._openSection}
          @manager-settings-changed=${() => void this._live.pollPrinters()}
        ></manager-settings-view>`;
    }
  }

  private _select(tab: Tab, updateHash = true): void {
    this._tab = tab;
    if (!this._opened.has(tab)) this._opened = new Set([...this._opened, tab]);
    if (updateHash && location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
  }

  private _onTabKey(e: KeyboardEvent): void {
    const next = tabByKey(tabsFor(this.me.role), this._tab, e.key);
    if (!next) return;
    e.preventDefault();
    this._select(next);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus(),
    );
  }

  private readonly _onOpenSettings = (e: CustomEvent<{ section: SettingsSection }>) => {
    if (!tabsFor(this.me.role).includes('settings')) return;
    this._openSection = { section: e.detail.section };
    this._select('settings');
  };

  private readonly _onHash = () => this._select(tabFromHash(location.hash, this.me.role), false);
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-desk': ManagerDesk;
  }
}
