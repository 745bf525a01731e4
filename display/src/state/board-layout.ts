/**
 * How the lobby board lays itself out on the screen it finds. The sizes are estimates of the
 * rendered text in em (bold digits and capitals of a common sans are about 0.7 em wide), so the
 * CSS and this module agree on what fits; the browser test measures the real result.
 */

/** Width of one bold digit or capital, in em, with a small margin for wide fonts. */
export const CHAR_EM = 0.7;

/** `row`: ticket and counter side by side; `stacked`: ticket above, counter below. */
export type CardLayout = 'row' | 'stacked';

export interface BoardPlan {
  columns: number;
  rows: number;
  layout: CardLayout;
  /** The ticket number's font size this plan allows, in px (what the plan maximises). */
  ticketPx: number;
}

/** Share of a card's inner width the numbers may take (the rest is padding and border). */
export const USABLE_WIDTH = 0.9;

/** Width in em of a ticket number (`V001`, `ŞK1024`). */
export function ticketEms(ticketChars: number): number {
  return ticketChars * CHAR_EM + 0.1;
}

/** Width in em of a row card's values: the ticket, a gap and the counter badge. */
export function rowEms(ticketChars: number, counterDigits: number): number {
  return ticketEms(ticketChars) + 0.4 + counterDigits * CHAR_EM + 0.5;
}

/**
 * The ticket's font size on a `w` × `h` card: a share of the height, what the label lines leave
 * (labels never go below `minLabelPx`), and what fits across. Mirrors the card's CSS.
 */
function ticketPx(
  layout: CardLayout,
  w: number,
  h: number,
  chars: number,
  digits: number,
  minLabelPx: number,
) {
  const label = Math.max(minLabelPx, 0.09 * h);
  if (layout === 'row')
    return Math.min(0.56 * h, 0.93 * h - 1.15 * label, (w * USABLE_WIDTH) / rowEms(chars, digits));
  return Math.min(0.52 * h, 0.93 * h - 3.45 * label, (w * USABLE_WIDTH) / ticketEms(chars));
}

/**
 * The grid (columns × rows) and card layout that give the called ticket numbers the largest
 * type on a board of `width` × `height` px with `count` cards. Ties go to fewer empty cells.
 * `ticketChars` and `counterDigits` are the longest the board shows (4 and 1 for `V001` at 3);
 * `minLabelPx` is the smallest the card labels may be (1.8 % of the screen's short side).
 */
export function boardPlan(
  count: number,
  width: number,
  height: number,
  gap: number,
  minLabelPx: number,
  ticketChars = 4,
  counterDigits = 2,
): BoardPlan {
  const n = Math.max(1, count);
  let best: BoardPlan | null = null;
  let bestEmpty = Infinity;
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const w = (width - (columns - 1) * gap) / columns;
    const h = (height - (rows - 1) * gap) / rows;
    if (w <= 0 || h <= 0) continue;
    const empty = columns * rows - n;
    for (const layout of ['row', 'stacked'] as const) {
      const px = ticketPx(layout, w, h, ticketChars, counterDigits, minLabelPx);
      const better = !best || px > best.ticketPx + 0.5;
      const asGood = best && Math.abs(px - best.ticketPx) <= 0.5 && empty < bestEmpty;
      if (better || asGood) {
        best = { columns, rows, layout, ticketPx: px };
        bestEmpty = empty;
      }
    }
  }
  return best ?? { columns: 1, rows: n, layout: 'row', ticketPx: 0 };
}

/**
 * Columns of the waiting tiles: as few rows as the width allows (`maxPerRow` tiles side by
 * side), then the tiles spread evenly over those rows (7 tiles at 4 a row: 4 + 3, not 4 + 3 + 0).
 */
export function balancedColumns(count: number, maxPerRow: number): number {
  if (count <= 0) return 1;
  const rows = Math.ceil(count / Math.max(1, maxPerRow));
  return Math.ceil(count / rows);
}
