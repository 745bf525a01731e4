import type { Directorate } from '../../../contract/domain.js';
import type { ConfigStore } from '../store/store.js';
import type { ConfigData } from './config-data.js';

/**
 * The usual directorates of a Turkish municipality. The published figures of the Welcome Desk
 * name Fen İşleri, Zabıta and Veteriner İşleri first (reference/cankaya-iletisim-merkezi-
 * haberi.txt), so they lead the list; the admin renames, adds and retires them in Ayarlar.
 */
export const SEED_DIRECTORATES: readonly (readonly [id: string, tr: string, en: string])[] = [
  ['fen-isleri', 'Fen İşleri', 'Public Works'],
  ['zabita', 'Zabıta', 'Municipal Police'],
  ['veteriner-isleri', 'Veteriner İşleri', 'Veterinary Services'],
  ['imar-ve-sehircilik', 'İmar ve Şehircilik', 'Zoning and Urban Planning'],
  ['mali-hizmetler', 'Mali Hizmetler', 'Financial Services'],
  ['yazi-isleri', 'Yazı İşleri', 'Clerical Affairs'],
  ['emlak-ve-istimlak', 'Emlak ve İstimlak', 'Real Estate and Expropriation'],
  ['park-ve-bahceler', 'Park ve Bahçeler', 'Parks and Gardens'],
  ['temizlik-isleri', 'Temizlik İşleri', 'Sanitation'],
  ['sosyal-yardim-isleri', 'Sosyal Yardım İşleri', 'Social Assistance'],
  ['kultur-ve-sosyal-isler', 'Kültür ve Sosyal İşler', 'Culture and Social Affairs'],
  ['ruhsat-ve-denetim', 'Ruhsat ve Denetim', 'Licensing and Inspection'],
  ['cevre-koruma-ve-kontrol', 'Çevre Koruma ve Kontrol', 'Environmental Protection and Control'],
  ['destek-hizmetleri', 'Destek Hizmetleri', 'Support Services'],
  ['hukuk-isleri', 'Hukuk İşleri', 'Legal Affairs'],
  ['insan-kaynaklari-ve-egitim', 'İnsan Kaynakları ve Eğitim', 'Human Resources and Training'],
];

/** The seeded directorates of one hall (a new install, or a config file from before them). */
export function seedDirectorates(hallId: string): Directorate[] {
  return SEED_DIRECTORATES.map(([id, tr, en]) => ({ id, hallId, name: { tr, en }, active: true }));
}

/**
 * The hall's directorates, retired ones included, in the admin's order. A hall without any
 * (a config file written before directorates, or a hall added since) has the seeded list:
 * none is ever deleted, so "none at all" only means "never set up".
 */
export function directoratesOf(
  data: Pick<ConfigData, 'directorates'>,
  hallId: string,
): Directorate[] {
  const own = (data.directorates ?? []).filter((d) => d.hallId === hallId);
  return own.length > 0 ? own : seedDirectorates(hallId);
}

/**
 * Writes the seeded list of `hallId` into `draft` when it has none there yet, so an admin's
 * first change to the list keeps the directorates clerks have been choosing from.
 */
export function materialiseDirectorates(draft: ConfigData, hallId: string): Directorate[] {
  draft.directorates ??= [];
  if (!draft.directorates.some((d) => d.hallId === hallId))
    draft.directorates.push(...seedDirectorates(hallId));
  return draft.directorates;
}

/**
 * The migration of a configuration written before directorates: each hall without any gets
 * the seeded list, written once at start (idempotent; servers starting together write it
 * once, as each change runs on the latest configuration). Resolves to the halls seeded.
 */
export async function seedMissingDirectorates(config: ConfigStore): Promise<string[]> {
  const lacking = (data: ConfigData) =>
    data.halls
      .map((h) => h.id)
      .filter((id) => !(data.directorates ?? []).some((d) => d.hallId === id));
  if (lacking(config.read()).length === 0) return [];
  let seeded: string[] = [];
  await config.update((draft) => {
    seeded = lacking(draft);
    for (const hallId of seeded) materialiseDirectorates(draft, hallId);
  });
  return seeded;
}
