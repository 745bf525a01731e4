import { css } from 'lit';

/**
 * The report document on screen (a white A4-wide sheet) and in print: each `.page` section
 * starts a new page; headings stay with what follows; tiles, figures and table rows are never
 * cut by a page edge. Colours print as shown.
 */
export const reportDocumentStyles = css`
  :host {
    display: block;
  }
  .sheet {
    background: var(--manager-surface);
    border: 1px solid var(--manager-border);
    border-radius: var(--manager-radius);
    padding: clamp(12px, 3vw, 28px);
    max-width: 210mm;
    margin: 0 auto;
    box-sizing: border-box;
    font-size: 0.9rem;
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  .doc-header {
    border-bottom: 2px solid var(--manager-accent-strong);
    padding-bottom: 8px;
    margin-bottom: 12px;
  }
  .doc-header .hall {
    margin: 0;
    font-weight: 700;
    color: var(--manager-accent-strong);
  }
  .doc-header h2 {
    margin: 2px 0;
    font-size: 1.35rem;
  }
  .doc-header p {
    margin: 0;
  }
  h3 {
    font-size: 1.05rem;
    margin: 16px 0 6px;
    color: var(--manager-accent-strong);
    break-after: avoid;
  }
  h4 {
    font-size: 0.9rem;
    margin: 10px 0 4px;
    break-after: avoid;
  }
  .small {
    font-size: 0.78rem;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    gap: 8px;
  }
  .tile {
    display: grid;
    gap: 2px;
    padding: 8px 10px;
    border: 1px solid var(--manager-border);
    border-left: 5px solid var(--manager-border);
    border-radius: 8px;
    break-inside: avoid;
  }
  .tile.met {
    border-left-color: var(--manager-ok-edge);
  }
  .tile.missed {
    border-left-color: var(--manager-red-edge);
  }
  .tile-label {
    font-size: 0.78rem;
    color: var(--manager-muted);
    font-weight: 600;
  }
  .tile-value {
    font-size: 1.35rem;
    font-variant-numeric: tabular-nums;
  }
  .tile-goal {
    font-size: 0.75rem;
  }
  .summary p {
    margin: 0 0 4px;
    line-height: 1.45;
  }
  table.compact {
    font-size: 0.8rem;
    max-width: 560px;
  }
  table.compact th,
  table.compact td {
    padding: 2px 6px;
  }
  tr,
  figure,
  .summary p {
    break-inside: avoid;
  }
  .better {
    color: var(--manager-ok-text);
    font-weight: 700;
  }
  .worse {
    color: var(--manager-red-text);
    font-weight: 700;
  }
  figure {
    margin: 0 0 8px;
  }
  .two {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 16px;
  }
  .page {
    margin-top: 24px;
    border-top: 1px dashed var(--manager-border);
  }
  @media print {
    .sheet {
      border: 0;
      border-radius: 0;
      padding: 0;
      max-width: none;
      font-size: 10pt;
    }
    .page {
      break-before: page;
      margin-top: 0;
      border-top: 0;
    }
  }
`;
