import type { AuditEntry, ConfigData } from '../config/config-data.js';

/** An audit entry's target: its id and its name now; nulls when it cannot be told. */
export interface AuditTarget {
  targetId: string | null;
  targetName: string | null;
}

const NONE: AuditTarget = { targetId: null, targetName: null };

/**
 * Names of the things an audit entry can be about, looked up once per reply. Entries written
 * before targets were stored name theirs only in the detail text (an id in parentheses, or
 * `user <username>`, `service <prefix>`, `counter <number>`, `printer '<name>'`): read there.
 */
export function auditTargets(
  data: ConfigData,
  hallId: string | null,
): (e: AuditEntry) => AuditTarget {
  const names = new Map<string, string>();
  for (const h of data.halls) names.set(h.id, h.name);
  for (const d of data.devices) names.set(d.id, d.name);
  for (const u of data.users) names.set(u.id, u.displayName || u.username);
  for (const s of data.services) names.set(s.id, s.name.tr);
  for (const c of data.counters) names.set(c.id, c.name);
  for (const p of data.printers) names.set(p.id, p.name);
  for (const d of data.directorates ?? []) names.set(d.id, d.name.tr);
  for (const w of data.webhooks ?? []) names.set(w.id, w.name);
  const found = (id: string | undefined): AuditTarget =>
    id && names.has(id) ? { targetId: id, targetName: names.get(id)! } : NONE;
  const inHall = <T extends { hallId: string }>(list: T[]) =>
    list.filter((x) => x.hallId === hallId);

  return (e) => {
    if (e.targetId) return { ...found(e.targetId), targetId: e.targetId };
    const noun = e.action.split('.')[0];
    const word = (re: RegExp) => re.exec(e.detail)?.[1];
    switch (noun) {
      case 'device':
        return found(word(/\(([^()\s]+)\)/) ?? word(/^\w+ ([^\s:]+):/));
      case 'user': {
        if (e.action === 'user.change-password') return found(e.userId);
        const username = word(/^user (\S+?):? /);
        return found(data.users.find((u) => u.username === username)?.id);
      }
      case 'service': {
        const prefix = word(/^service (\S+) /);
        return found(inHall(data.services).find((s) => s.prefix === prefix?.replace(/:$/, ''))?.id);
      }
      case 'counter': {
        const number = Number(word(/^counter (\d+)/));
        return found(inHall(data.counters).find((c) => c.number === number)?.id);
      }
      case 'printer': {
        const name = word(/^printer '([^']*)'/);
        const printer = inHall(data.printers).find((p) => p.name === name);
        return printer ? found(printer.id) : { targetId: null, targetName: name ?? null };
      }
      case 'hall':
        return found(word(/^hall ([^\s:]+)/));
      default:
        return NONE;
    }
  };
}
