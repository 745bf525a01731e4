import type { CounterView } from '../../../contract/api.js';
import type { Service, ServiceQueue } from '../../../contract/domain.js';

export interface QueueLine {
  service: Service;
  waiting: number;
  /** How long the longest-waiting ticket has waited, or `null` when nobody waits. */
  longestWaitMs: number | null;
}

/** Waiting count and longest wait for each service the counter covers, in coverage order. */
export function coveredQueueLines(
  counter: CounterView,
  services: readonly Service[],
  queues: readonly ServiceQueue[],
  now: number,
): QueueLine[] {
  const lines: QueueLine[] = [];
  for (const { serviceId } of counter.services) {
    const service = services.find((s) => s.id === serviceId);
    if (!service) continue;
    const q = queues.find((x) => x.serviceId === serviceId);
    const waiting = q?.waiting ?? 0;
    lines.push({
      service,
      waiting,
      longestWaitMs:
        waiting > 0 && q?.oldestQueuedAt != null ? Math.max(0, now - q.oldestQueuedAt) : null,
    });
  }
  return lines;
}
