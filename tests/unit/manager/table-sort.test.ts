import { describe, expect, it } from 'vitest';
import { compareCells, nextSort, sortGroups } from '../../../manager/src/state/table-sort.js';
import { group } from './fixtures.js';

const st = (meanSeconds: number | null) => ({
  count: 1,
  meanSeconds,
  medianSeconds: null,
  p90Seconds: null,
  withinTarget: 0,
  withinTargetShare: null,
});

describe('sortGroups', () => {
  const groups = [
    group('c1', { label: 'Şükrü', served: 5, serviceTime: st(200) }),
    group('c2', { label: 'Ayşe', served: 9, serviceTime: st(null) }),
    group('c3', { label: 'Çiğdem', served: 5, serviceTime: st(260) }),
    group(null, { label: 'Bankoya çağrılmadı', served: 0, serviceTime: st(100) }),
  ];
  const label = (g: { label: string }) => g.label;

  it('when sorted by name, then Turkish letters sort in Turkish order', () => {
    expect(sortGroups(groups, 'label', 'ascending', label).map(label)).toEqual([
      'Ayşe',
      'Bankoya çağrılmadı',
      'Çiğdem',
      'Şükrü',
    ]);
  });

  it('when sorted by a figure descending, then the biggest come first and ties keep their order', () => {
    expect(sortGroups(groups, 'served', 'descending', label).map((g) => g.key)).toEqual([
      'c2',
      'c1',
      'c3',
      null,
    ]);
  });

  it('when a column has empty cells, then they go last in either direction', () => {
    expect(sortGroups(groups, 'meanService', 'ascending', label).map((g) => g.key)).toEqual([
      null,
      'c1',
      'c3',
      'c2',
    ]);
    expect(sortGroups(groups, 'meanService', 'descending', label).map((g) => g.key)).toEqual([
      'c3',
      'c1',
      null,
      'c2',
    ]);
  });

  it('when days are sorted by their label, then they sort by date, not by the written name', () => {
    const days = [group('2026-11-10'), group('2026-11-02')];
    expect(sortGroups(days, 'label', 'ascending', () => 'x', true).map((g) => g.key)).toEqual([
      '2026-11-02',
      '2026-11-10',
    ]);
  });
});

describe('nextSort', () => {
  it('when the same header is clicked, then the direction flips; a new figure column starts descending', () => {
    expect(nextSort({ column: 'served', direction: 'descending' }, 'served')).toEqual({
      column: 'served',
      direction: 'ascending',
    });
    expect(nextSort({ column: 'label', direction: 'ascending' }, 'meanWait')).toEqual({
      column: 'meanWait',
      direction: 'descending',
    });
    expect(nextSort({ column: 'served', direction: 'ascending' }, 'label')).toEqual({
      column: 'label',
      direction: 'ascending',
    });
  });

  it('when numbers are compared, then it is by value', () => {
    expect(compareCells(2, 10, 'ascending')).toBeLessThan(0);
    expect(compareCells('2', '10', 'ascending')).toBeLessThan(0);
  });
});
