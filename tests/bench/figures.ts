/** One measured figure beside the floor measured in the same run. */
export interface Figure {
  /** Stable key for the JSON (`issue.p99.200`). */
  id: string;
  name: string;
  unit: string;
  value: number | null;
  floor: number | null;
  /** value / floor: what counts on a noisy machine. */
  ratio: number | null;
  /** The design target, as text; null when the figure is informational. */
  target: string | null;
  met: boolean | null;
  note?: string;
}

export interface Target {
  /** The value must be at most this (ms, MB, …). */
  max?: number;
  /** The value must be at least this. */
  min?: number;
  /** value / floor must be at most this. */
  maxRatio?: number;
  /** value / floor must be at least this. */
  minRatio?: number;
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(n < 1 ? 2 : 1);

function targetText(t: Target, unit: string): string {
  const parts: string[] = [];
  if (t.max !== undefined) parts.push(`≤ ${fmt(t.max)} ${unit}`);
  if (t.min !== undefined) parts.push(`≥ ${fmt(t.min)} ${unit}`);
  if (t.maxRatio !== undefined) parts.push(`≤ ${fmt(t.maxRatio)}× floor`);
  if (t.minRatio !== undefined) parts.push(`≥ ${fmt(t.minRatio * 100)}% of floor`);
  return parts.join(', ');
}

/** Builds a figure: computes the ratio and checks the target, when there is one. */
export function figure(f: {
  id: string;
  name: string;
  unit: string;
  value: number | null;
  floor?: number | null;
  target?: Target;
  note?: string;
}): Figure {
  const valid = (n: number | null | undefined): n is number =>
    n !== null && n !== undefined && Number.isFinite(n);
  const floor = valid(f.floor) ? f.floor : null;
  const value = valid(f.value) ? f.value : null;
  const ratio = value !== null && floor !== null && floor !== 0 ? value / floor : null;
  let met: boolean | null = null;
  if (f.target) {
    const t = f.target;
    const checks: boolean[] = [];
    if (t.max !== undefined) checks.push(value !== null && value <= t.max);
    if (t.min !== undefined) checks.push(value !== null && value >= t.min);
    if (t.maxRatio !== undefined) checks.push(ratio !== null && ratio <= t.maxRatio);
    if (t.minRatio !== undefined) checks.push(ratio !== null && ratio >= t.minRatio);
    met = checks.every(Boolean);
  }
  return {
    id: f.id,
    name: f.name,
    unit: f.unit,
    value,
    floor,
    ratio,
    target: f.target ? targetText(f.target, f.unit) : null,
    met,
    ...(f.note ? { note: f.note } : {}),
  };
}

/** The figures as a plain-text table: figure | value | floor | ratio | target | met? */
export function table(figures: readonly Figure[]): string {
  const cell = (n: number | null, unit: string) => (n === null ? '—' : `${fmt(n)} ${unit}`);
  const rows = [
    ['figure', 'value', 'floor', 'ratio', 'target', 'met?'],
    ...figures.map((f) => [
      f.name,
      cell(f.value, f.unit),
      cell(f.floor, f.unit),
      f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
      f.target ?? '—',
      f.met === null ? '—' : f.met ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}
