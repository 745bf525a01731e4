import type { Service } from '../../../contract/domain.js';
import { shareMeetsGoal } from './format.js';
import type { GroupStats } from './stats-report.js';

/** The published figures: a 4-minute mean service time and about 98% resolved at the desk. */
export const RESOLVED_GOAL = 0.98;

/**
 * Ratings needed before their mean is a headline: one visitor's 5 is not "5 / 5 satisfaction".
 * Below it the tile shows how many ratings there are and no mean.
 */
export const MIN_RATINGS = 20;

export type KpiId =
  'mean-service' | 'within-target' | 'mean-wait' | 'served' | 'resolved' | 'no-shows' | 'rating';

/** `good`/`bad` compare with a goal; `neutral` has no goal; `empty` has no data yet. */
export type KpiStatus = 'good' | 'bad' | 'neutral' | 'empty';

export interface KpiTile {
  id: KpiId;
  kind: 'duration' | 'share' | 'count' | 'rating';
  /** Seconds, a share 0–1, a count or a 1–5 rating; null when there is nothing to show. */
  value: number | null;
  status: KpiStatus;
  /** What the value is compared with, in the tile's own unit (seconds, share). */
  goal: number | null;
  /** Extra figures under the value. */
  details: KpiDetail[];
}

export type KpiDetail =
  | { kind: 'median'; seconds: number | null }
  | { kind: 'p90'; seconds: number | null }
  | { kind: 'of-measured'; part: number; whole: number }
  | { kind: 'forwarded'; count: number }
  | { kind: 'issued'; count: number }
  | { kind: 'share-of-issued'; share: number | null }
  | { kind: 'ratings'; count: number }
  | { kind: 'too-few-ratings'; count: number; minimum: number };

/**
 * The target to hold the mean against: each service's target weighted by its measured visits
 * (the plain mean of the targets when nothing was measured, 4 min with no services).
 */
export function weightedTargetMinutes(byService: GroupStats[], services: Service[]): number {
  const target = new Map(services.map((s) => [s.id, s.targetMinutes]));
  let visits = 0;
  let sum = 0;
  for (const g of byService) {
    const t = g.key === null ? undefined : target.get(g.key);
    if (t === undefined || g.serviceTime.count === 0) continue;
    visits += g.serviceTime.count;
    sum += g.serviceTime.count * t;
  }
  if (visits > 0) return sum / visits;
  const active = services.filter((s) => s.active);
  const all = active.length > 0 ? active : services;
  return all.length === 0 ? 4 : all.reduce((n, s) => n + s.targetMinutes, 0) / all.length;
}

/** The mean rating to headline, or null while there are fewer than `MIN_RATINGS` ratings. */
export function ratingHeadline(total: Pick<GroupStats, 'ratings' | 'meanRating'>): number | null {
  return total.ratings >= MIN_RATINGS ? total.meanRating : null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The KPI tiles of a range, from the report's total and the target to hold the mean against. */
export function kpiTiles(total: GroupStats, targetMinutes: number): KpiTile[] {
  const st = total.serviceTime;
  const targetSeconds = targetMinutes * 60;
  const meanStatus: KpiStatus =
    st.meanSeconds === null ? 'empty' : st.meanSeconds <= targetSeconds ? 'good' : 'bad';
  const resolvedStatus: KpiStatus =
    total.resolvedShare === null
      ? 'empty'
      : shareMeetsGoal(total.resolvedShare, RESOLVED_GOAL)
        ? 'good'
        : 'bad';
  return [
    {
      id: 'mean-service',
      kind: 'duration',
      value: st.meanSeconds,
      status: meanStatus,
      goal: targetSeconds,
      details: [
        { kind: 'median', seconds: st.medianSeconds },
        { kind: 'p90', seconds: st.p90Seconds },
      ],
    },
    {
      id: 'within-target',
      kind: 'share',
      value: st.withinTargetShare,
      status: st.withinTargetShare === null ? 'empty' : 'neutral',
      goal: null,
      details: [{ kind: 'of-measured', part: st.withinTarget, whole: st.count }],
    },
    {
      id: 'mean-wait',
      kind: 'duration',
      value: total.wait.meanSeconds,
      status: total.wait.meanSeconds === null ? 'empty' : 'neutral',
      goal: null,
      details: [
        { kind: 'median', seconds: total.wait.medianSeconds },
        { kind: 'p90', seconds: total.wait.p90Seconds },
      ],
    },
    {
      id: 'served',
      kind: 'count',
      value: total.served,
      status: 'neutral',
      goal: null,
      details: [{ kind: 'issued', count: total.issued }],
    },
    {
      id: 'resolved',
      kind: 'share',
      value: total.resolvedShare,
      status: resolvedStatus,
      goal: RESOLVED_GOAL,
      details: [{ kind: 'forwarded', count: total.forwarded }],
    },
    {
      id: 'no-shows',
      kind: 'count',
      value: total.noShows,
      status: 'neutral',
      goal: null,
      details: [{ kind: 'share-of-issued', share: share(total.noShows, total.issued) }],
    },
    {
      id: 'rating',
      kind: 'rating',
      value: ratingHeadline(total),
      status: ratingHeadline(total) === null ? 'empty' : 'neutral',
      goal: null,
      details:
        total.ratings > 0 && total.ratings < MIN_RATINGS
          ? [{ kind: 'too-few-ratings', count: total.ratings, minimum: MIN_RATINGS }]
          : [{ kind: 'ratings', count: total.ratings }],
    },
  ];
}
