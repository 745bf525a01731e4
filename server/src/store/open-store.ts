import type { ConfigData } from '../config/config-data.js';
import { seedMissingDirectorates } from '../config/directorates.js';
import { openEmbeddedStore } from './embedded/open-embedded-store.js';
import type { Store } from './store.js';

export interface StoreChoice {
  /** PostgreSQL connection string; when set, `dataDir` is not used. */
  databaseUrl?: string;
  dataDir: string;
  log: (msg: string) => void;
  initialConfig: () => ConfigData;
}

/** The configured store: PostgreSQL when a database URL is given, else the data folder. */
export async function openConfiguredStore(
  choice: StoreChoice,
): Promise<{ store: Store; where: string }> {
  const { databaseUrl, dataDir, log, initialConfig } = choice;
  let opened: { store: Store; where: string };
  if (databaseUrl) {
    // Loaded only when configured: pg is a good part of a cold start the data folder never needs.
    const { describeDatabase, openPostgresStore } =
      await import('./postgres/open-postgres-store.js');
    const store = await openPostgresStore(databaseUrl, { log, initialConfig });
    opened = { store, where: `PostgreSQL ${describeDatabase(databaseUrl)}` };
  } else
    opened = { store: await openEmbeddedStore(dataDir, { log, initialConfig }), where: dataDir };
  const seeded = await seedMissingDirectorates(opened.store.config).catch(async (err: unknown) => {
    await opened.store.close();
    throw err;
  });
  if (seeded.length > 0)
    log(
      `config: the usual directorates added for hall ${seeded.join(', ')} (Ayarlar → Müdürlükler)`,
    );
  return opened;
}
