/**
 * How well the waits promised at issue came true (`GET /api/halls/:hallId/stats/estimates`).
 * Errors are in minutes, actual wait (first call − issue) minus the promise: positive means
 * the visitor waited longer than told. Type-only.
 */
export interface EstimateAccuracy {
  /** Tickets issued with a time promised. */
  promised: number;
  /** Of those, tickets that were called (the ones measured). */
  called: number;
  medianAbsErrorMinutes: number | null;
  /** Share (0–1) of called tickets whose wait was within ±2 minutes of the promise. */
  within2: number | null;
  /** Share (0–1) within ±5 minutes. */
  within5: number | null;
  /** The median signed error: above 0 the estimate tends to promise too little. */
  medianErrorMinutes: number | null;
  /** Share that waited more than 2 minutes longer than promised. */
  waitedLonger: number | null;
  /** Share called more than 2 minutes sooner than promised. */
  waitedLess: number | null;
}

export interface EstimateAccuracyGroup extends EstimateAccuracy {
  /** The service id, or the local hour of issue (`"9"`). */
  key: string;
}

/** One set of figures: for the whole range, by service and by local hour of issue. */
export interface EstimateAccuracyFigures {
  total: EstimateAccuracy;
  byService: EstimateAccuracyGroup[];
  byHour: EstimateAccuracyGroup[];
}

/**
 * The figures of the promise at issue, and `shown`: those of the estimates the phone page
 * showed as the line moved (sampled every 5 minutes while a ticket waited). There `promised`
 * counts samples and `called` the samples followed by a call; a sample's error is (first call
 * − sample time) − the minutes shown. By service of the segment waited in, by hour of issue.
 */
export interface EstimateAccuracyReport extends EstimateAccuracyFigures {
  shown: EstimateAccuracyFigures;
}

export interface EstimateAccuracyReply extends EstimateAccuracyReport {
  hallId: string;
  from: string;
  to: string;
}
