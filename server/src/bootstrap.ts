import { addDevice, addUser } from './auth/users.js';
import type { ConfigStore } from './store/store.js';

/**
 * First start on an empty data folder: an admin with a random password (there is no default
 * password anywhere) and one kiosk and one display, each with its pairing link. The secrets
 * are stored only as hashes, so these lines are the one chance to read them.
 */
export async function bootstrapFirstStart(
  config: ConfigStore,
  baseUrl: string,
  now: number,
): Promise<string[]> {
  const data = config.read();
  const hall = data.halls[0];
  if (!hall) return [];
  const base = baseUrl.replace(/\/$/, '');
  const lines: string[] = [];
  // "First start" means no admin yet (demo data may already have added clerks).
  if (!data.users.some((u) => u.role === 'admin')) {
    const admin = await addUser(
      config,
      { username: 'admin', displayName: 'Yönetici', role: 'admin', hallId: hall.id },
      now,
    );
    lines.push(`admin user: admin`, `admin password: ${admin.password}`);
  }
  if (data.devices.length === 0) {
    const kiosk = await addDevice(config, { kind: 'kiosk', hallId: hall.id, name: 'Kiosk 1' }, now);
    const display = await addDevice(
      config,
      { kind: 'display', hallId: hall.id, name: 'Salon ekranı 1' },
      now,
    );
    lines.push(
      `kiosk pairing link: ${base}/kiosk#key=${kiosk.key}`,
      `display pairing link: ${base}/display#key=${display.key}`,
    );
  }
  return lines;
}
