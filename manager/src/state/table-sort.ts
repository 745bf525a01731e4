import type { GroupStats } from './stats-report.js';

export type SortDirection = 'ascending' | 'descending';

export type StatColumnKind = 'text' | 'count' | 'share' | 'duration' | 'decimal';

export const STAT_COLUMNS = [
  'label',
  'issued',
  'served',
  'meanService',
  'medianService',
  'p90Service',
  'withinTarget',
  'meanWait',
  'resolved',
  'noShows',
  'transferred',
  'rating',
] as const;
export type StatColumn = (typeof STAT_COLUMNS)[number];

export const COLUMN_KIND: Record<StatColumn, StatColumnKind> = {
  label: 'text',
  issued: 'count',
  served: 'count',
  meanService: 'duration',
  medianService: 'duration',
  p90Service: 'duration',
  withinTarget: 'share',
  meanWait: 'duration',
  resolved: 'share',
  noShows: 'count',
  transferred: 'count',
  rating: 'decimal',
};

/** A column's value in a group; the label comes from the caller (it depends on the language). */
export function columnValue(column: Exclude<StatColumn, 'label'>, g: GroupStats): number | null {
  switch (column) {
    case 'issued':
      return g.issued;
    case 'served':
      return g.served;
    case 'meanService':
      return g.serviceTime.meanSeconds;
    case 'medianService':
      return g.serviceTime.medianSeconds;
    case 'p90Service':
      return g.serviceTime.p90Seconds;
    case 'withinTarget':
      return g.serviceTime.withinTargetShare;
    case 'meanWait':
      return g.wait.meanSeconds;
    case 'resolved':
      return g.resolvedShare;
    case 'noShows':
      return g.noShows;
    case 'transferred':
      return g.transferred;
    case 'rating':
      return g.meanRating;
  }
}

const collator = new Intl.Collator('tr-TR', { numeric: true, sensitivity: 'base' });

/** Compares two cells: numbers by value, text in Turkish order; empty cells always last. */
export function compareCells(
  a: number | string | null,
  b: number | string | null,
  direction: SortDirection,
): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c =
    typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return direction === 'ascending' ? c : -c;
}

/**
 * Rows sorted by one column (stable: ties keep their order, which is the server's key order).
 * The `label` column sorts by the group's key where it has an order of its own (day, hour).
 */
export function sortGroups(
  groups: GroupStats[],
  column: StatColumn,
  direction: SortDirection,
  labelOf: (g: GroupStats) => string,
  labelSortsByKey = false,
): GroupStats[] {
  const value = (g: GroupStats): number | string | null =>
    column === 'label' ? (labelSortsByKey ? g.key : labelOf(g)) : columnValue(column, g);
  return groups
    .map((g, i) => ({ g, i, v: value(g) }))
    .sort((x, y) => compareCells(x.v, y.v, direction) || x.i - y.i)
    .map((x) => x.g);
}

/** The direction a click on a column header gives: the other one on the same column. */
export function nextSort(
  current: { column: StatColumn; direction: SortDirection },
  clicked: StatColumn,
): { column: StatColumn; direction: SortDirection } {
  if (current.column === clicked) {
    return {
      column: clicked,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }
  // Names and dates read best A→Z; figures are most telling biggest first.
  return { column: clicked, direction: clicked === 'label' ? 'ascending' : 'descending' };
}
