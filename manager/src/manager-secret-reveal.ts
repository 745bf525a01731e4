import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

/**
 * A one-time secret (a new password, a device's pairing link) with a copy button and a plain
 * "shown only once" note; fires `manager-secret-dismissed` when the admin closes it.
 */
@customElement('manager-secret-reveal')
export class ManagerSecretReveal extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-bottom: 14px;
      }
      section {
        border: 2px solid var(--manager-amber-edge);
        background: var(--manager-amber-bg);
        color: var(--manager-amber-text);
        border-radius: var(--manager-radius);
        padding: 12px 14px;
        display: grid;
        gap: 8px;
      }
      h3 {
        margin: 0;
        color: var(--manager-text);
      }
      .value {
        display: flex;
        gap: 8px;
      }
      input {
        flex: 1;
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 1.05rem;
        color: var(--manager-text);
      }
      p {
        margin: 0;
        font-weight: 600;
      }
      .actions {
        display: flex;
        gap: 8px;
        align-items: center;
      }
    `,
  ];

  @query('input') private _input!: HTMLInputElement;
  @state() private _copy: 'idle' | 'copied' | 'failed' = 'idle';

  @property() heading = '';
  @property() secret = '';
  /** Extra guidance (how to use a pairing link). */
  @property() help = '';
  @property() language: Lang = 'tr';

  override firstUpdated(): void {
    this._input.focus();
    this._input.select();
  }

  override render() {
    const m = messages(this.language);
    return html`<section role="region" aria-labelledby="secret-heading" data-testid="secret">
      <h3 id="secret-heading">${this.heading}</h3>
      <p>${m.shownOnce}</p>
      ${this.help ? html`<p>${this.help}</p>` : nothing}
      <div class="value">
        <input
          readonly
          .value=${this.secret}
          aria-label=${this.heading}
          data-testid="secret-value"
        />
        <button type="button" class="primary" @click=${this._copySecret}>${m.copy}</button>
      </div>
      <div class="actions">
        <button type="button" @click=${this._dismiss}>${m.dismissSecret}</button>
        <span role="status"
          >${this._copy === 'copied' ? m.copied : this._copy === 'failed' ? m.copyFailed : ''}</span
        >
      </div>
    </section>`;
  }

  private async _copySecret(): Promise<void> {
    try {
      // The clipboard API needs a secure context; a LAN install on plain http falls back.
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(this.secret);
      } else {
        this._input.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      this._copy = 'copied';
    } catch {
      this._input.select();
      this._copy = 'failed';
    }
  }

  private _dismiss(): void {
    this.dispatchEvent(
      new CustomEvent('manager-secret-dismissed', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-secret-reveal': ManagerSecretReveal;
  }
}
