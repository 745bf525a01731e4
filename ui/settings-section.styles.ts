import { css } from 'lit';

/** The look of a settings section's card, form, status line and table (`settings-section.ts`). */
export const settingsSectionStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1.1rem;
  }
  h3 {
    font-size: 1rem;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 12px;
    margin-bottom: 10px;
  }
  .head h2 {
    margin: 0;
    flex: 1;
  }
  /* The status line stays in place while empty, so what appears in it is announced. */
  p.status {
    margin: 0;
  }
  p.ok,
  p.error[role='status'] {
    margin: 0 0 10px;
  }
  form.edit {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
    gap: 12px 18px;
    padding: 14px;
    margin-bottom: 14px;
    border: 2px solid var(--staff-accent);
    border-radius: var(--staff-radius);
    background: var(--staff-bg);
  }
  form.edit h3 {
    grid-column: 1 / -1;
    margin: 0;
  }
  .field {
    display: grid;
    gap: 4px;
    align-content: start;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .field .help,
  fieldset .help {
    font-size: 0.82rem;
    font-weight: 400;
    color: var(--staff-muted);
  }
  .field .problem,
  fieldset .problem {
    font-size: 0.85rem;
    font-weight: 700;
    color: var(--staff-red-text);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 40px;
  }
  .check input {
    min-height: 0;
    width: 20px;
    height: 20px;
  }
  .form-actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .form-actions .error {
    flex-basis: 100%;
  }
  td .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  td .row-actions button {
    min-height: 34px;
    padding: 4px 10px;
  }
  tr.off td,
  tr.off th {
    color: var(--staff-muted);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    font-weight: 600;
    color: var(--staff-red-text);
  }
`;
