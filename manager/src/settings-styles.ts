import { css } from 'lit';

/** Forms and lists of the settings sections. */
export const settingsStyles = css`
  :host {
    display: block;
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
  form.edit {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
    gap: 12px 18px;
    padding: 14px;
    margin-bottom: 14px;
    border: 2px solid var(--manager-accent);
    border-radius: var(--manager-radius);
    background: var(--manager-bg);
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
  .field .help {
    font-size: 0.82rem;
    font-weight: 400;
    color: var(--manager-muted);
  }
  .field .problem {
    font-size: 0.85rem;
    font-weight: 700;
    color: var(--manager-red-text);
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
  .ok {
    margin: 0 0 10px;
    padding: 8px 12px;
    border-radius: 8px;
    background: var(--manager-ok-bg);
    color: var(--manager-ok-text);
    font-weight: 600;
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
    color: var(--manager-muted);
  }
`;
