import { describe, expect, it } from 'vitest';
import {
  balancedColumns,
  boardPlan,
  rowEms,
  ticketEms,
} from '../../../display/src/state/board-layout.js';

/** The board's share of a 1920×1080 screen with 12 services waiting below (measured). */
const HD_BOARD = { width: 1460, height: 620, gap: 15, label: 19.4 };

describe('boardPlan', () => {
  it('when 12 counters share a 16:9 board, then four columns of stacked cards give numbers above 8 % of the screen height', () => {
    const plan = boardPlan(12, HD_BOARD.width, HD_BOARD.height, HD_BOARD.gap, HD_BOARD.label);
    expect(plan).toMatchObject({ columns: 4, rows: 3, layout: 'stacked' });
    expect(plan.ticketPx).toBeGreaterThanOrEqual(0.08 * 1080);
  });

  it('when one counter is open, then it takes the whole board', () => {
    const plan = boardPlan(1, HD_BOARD.width, HD_BOARD.height, HD_BOARD.gap, HD_BOARD.label);
    expect(plan).toMatchObject({ columns: 1, rows: 1 });
  });

  it('when the board is a tall portrait area, then 12 counters go three across', () => {
    const plan = boardPlan(12, 1030, 1080, 15, 19.4);
    expect(plan.columns).toBe(3);
    expect(plan.rows).toBe(4);
  });

  it('when two layouts allow the same type size, then the one with fewer empty cells wins', () => {
    const plan = boardPlan(4, 1000, 1000, 0, 10);
    expect(plan.columns * plan.rows - 4).toBe(0);
  });

  it('when the cards are short, then the labels at their smallest size count against the number', () => {
    const roomy = boardPlan(1, 700, 160, 0, 10);
    const squeezed = boardPlan(1, 700, 160, 0, 60);
    expect(squeezed.ticketPx).toBeLessThan(roomy.ticketPx);
  });

  it('when ticket numbers are longer, then the type that fits across a card is smaller', () => {
    expect(ticketEms(6)).toBeGreaterThan(ticketEms(4));
    expect(rowEms(4, 2)).toBeGreaterThan(rowEms(4, 1));
    const short = boardPlan(6, 1400, 600, 15, 19, 4);
    const long = boardPlan(6, 1400, 600, 15, 19, 6);
    expect(long.ticketPx).toBeLessThan(short.ticketPx);
  });
});

describe('balancedColumns', () => {
  it.each([
    [12, 4, 4],
    [12, 5, 4],
    [7, 4, 4],
    [6, 4, 3],
    [5, 4, 3],
    [3, 4, 3],
    [12, 2, 2],
    [0, 4, 1],
  ])('when %i tiles may go %i to a row, then they take %i columns', (n, max, columns) => {
    expect(balancedColumns(n, max)).toBe(columns);
  });
});
