import { css } from 'lit';
import { settingsStyles } from './settings-styles.js';

/** The integrations section: the shared section look, the status badges and the event groups. */
export const webhookStyles = [
  ...settingsStyles,
  css`
    .badge {
      display: inline-block;
      font-weight: 700;
      font-size: 0.85rem;
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--manager-neutral-bg);
      white-space: nowrap;
    }
    .badge[data-state='ok'] {
      background: var(--manager-ok-bg);
      color: var(--manager-ok-text);
    }
    .badge[data-state='retrying'] {
      background: var(--manager-amber-bg);
      color: var(--manager-amber-text);
    }
    .badge[data-state='failing'] {
      background: var(--manager-red-bg);
      color: var(--manager-red-text);
    }
    .small {
      display: block;
      font-size: 0.82rem;
      color: var(--manager-muted);
    }
    .url {
      overflow-wrap: anywhere;
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 0.85rem;
    }
    fieldset.events {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 10px 18px;
      align-items: start;
      border: 1px solid var(--manager-border);
      border-radius: var(--manager-radius);
      padding: 10px 12px;
      margin: 0;
    }
    fieldset.events > legend {
      font-weight: 700;
      padding: 0 4px;
    }
    fieldset.group {
      border: 0;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 2px;
      align-content: start;
    }
    fieldset.group legend {
      font-weight: 700;
      padding: 0;
    }
    .events .problem {
      grid-column: 1 / -1;
    }
    .check.sub {
      min-height: 30px;
      padding-left: 8px;
    }
    .privacy {
      grid-column: 1 / -1;
      display: grid;
      gap: 6px;
    }
    .privacy .warning {
      margin: 0;
      padding: 8px 12px;
      border-left: 5px solid var(--manager-amber-edge);
      background: var(--manager-amber-bg);
      color: var(--manager-amber-text);
      font-weight: 600;
    }
  `,
];
