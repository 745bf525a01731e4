import { css } from 'lit';

/** The forms that open under the action buttons (complete, transfer, pause). */
export const panelStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 12px;
    padding: 14px 16px;
    border: 2px solid var(--counter-accent);
    border-radius: var(--counter-radius);
    background: var(--counter-neutral-bg);
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 20px;
    align-items: center;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 6px;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
  }
  .option input {
    min-height: auto;
    width: 20px;
    height: 20px;
  }
  .field {
    display: grid;
    gap: 6px;
  }
  .buttons {
    display: flex;
    gap: 10px;
  }
`;
