import { css } from 'lit';

/**
 * The printable report's small tables, shared by its sections: compact cells, rows never cut by
 * a page edge, the header row repeated on each page a long table runs onto.
 */
export const reportTableStyles = css`
  :host {
    display: block;
    font-size: 0.8rem;
  }
  th,
  td {
    padding: 3px 6px;
  }
  tr {
    break-inside: avoid;
  }
  thead {
    display: table-header-group;
  }
  tbody th {
    white-space: nowrap;
  }
`;
