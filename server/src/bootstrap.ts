import { addDevice, addUser } from './auth/users.js';
import type { ConfigStore } from './store/store.js';

/**
 * First start on an empty data folder: an admin with a random password (there is no default
 * password anywhere) and one kiosk and one display, each with its pairing link. The secrets
 * are stored only as hashes, so these lines are the one chance to read them. The lines go to
 * stdout and so into the service's log for good: the admin password is one-time, changed at
 * the first sign-in, so the logged one opens nothing afterwards.
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
      {
        username: 'admin',
        displayName: 'Yönetici',
        role: 'admin',
        hallId: hall.id,
        passwordChangeRequired: true,
      },
      now,
    );
    lines.push(
      `admin user: admin`,
      `admin password: ${admin.password} (one-time: you choose a new one at the first sign-in)`,
    );
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
