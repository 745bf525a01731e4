import type { Counter, Hall, Service } from '../../../contract/domain.js';
import type { ConfigData } from './config-data.js';
import { seedDirectorates } from './directorates.js';

const HALL_ID = 'cankaya';

/** How long completed visits keep their free-text note (KVKK: no longer than needed). */
export const DEFAULT_NOTE_RETENTION_DAYS = 90;

const service = (id: string, prefix: string, tr: string, en: string): Service => ({
  id,
  hallId: HALL_ID,
  prefix,
  name: { tr, en },
  targetMinutes: 4,
  active: true,
});

const counter = (number: number, services: string[]): Counter => ({
  id: `banko-${number}`,
  hallId: HALL_ID,
  number,
  name: `Banko ${number}`,
  services: services.map((serviceId) => ({ serviceId, weight: 1 })),
});

/**
 * The Welcome Desk as published (reference/cankaya-welcome-desk.json): six services and six
 * counters. The cashier takes a third of all visits, so three counters cover it.
 */
export function defaultConfig(): ConfigData {
  const hall: Hall = {
    id: HALL_ID,
    name: 'Çankaya Belediyesi Hoş Geldiniz Masası',
    timeZone: 'Europe/Istanbul',
    priorityRatio: 2,
    escalationMinutes: 30,
    noShowGraceMinutes: 5,
    noteRetentionDays: DEFAULT_NOTE_RETENTION_DAYS,
    dayEndPolicy: 'cancel',
    whenNoCounterOpen: 'issue',
  };
  return {
    version: 1,
    halls: [hall],
    services: [
      service('vezne', 'V', 'Vezne', 'Cashier'),
      service('ruhsat', 'R', 'Ruhsat', 'Licensing'),
      service('mali-hizmetler', 'M', 'Mali Hizmetler', 'Financial services'),
      service('imar-durum', 'İ', 'İmar Durum Bilgisi', 'Zoning status information'),
      service('dilekce', 'D', 'Dilekçe Kabul', 'Petition acceptance'),
      service('imar-evrak', 'E', 'İmar Evrak', 'Zoning documents'),
    ],
    counters: [
      counter(1, ['vezne', 'mali-hizmetler']),
      counter(2, ['vezne', 'mali-hizmetler']),
      counter(3, ['vezne', 'dilekce']),
      counter(4, ['ruhsat', 'dilekce']),
      counter(5, ['imar-durum', 'imar-evrak', 'ruhsat']),
      counter(6, ['imar-durum', 'imar-evrak']),
    ],
    directorates: seedDirectorates(HALL_ID),
    users: [],
    devices: [],
    printers: [],
    audit: [],
  };
}
