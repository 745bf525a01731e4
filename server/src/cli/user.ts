import path from 'node:path';
import { parseArgs } from 'node:util';
import { addUser, normaliseUsername, resetPassword } from '../auth/users.js';
import { defaultConfig } from '../config/default-config.js';
import { openConfiguredStore } from '../store/open-store.js';

const USAGE = `Usage (with a data folder, stop the server first: one process owns it):
  npm run user -- add <username> --role clerk|manager|admin [--name "Ayşe Yılmaz"] [--hall <hallId>]
  npm run user -- reset <username>          new random password, ends the user's sessions
Printed passwords are one-time: the user chooses a new one at the first sign-in.
  npm run user -- deactivate <username>
  npm run user -- list
Environment: DATA_DIR (default ./data), or DATABASE_URL for PostgreSQL (servers may keep running)`;

/** Printed passwords land in terminals and logs: each is one-time. */
const ONE_TIME = ' (one-time: changed at the first sign-in)';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, hall: { type: 'string' } },
  });
  const [verb, username] = positionals;
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  const { store } = await openConfiguredStore({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    log: (m) => console.error(m),
    initialConfig: defaultConfig,
  });
  try {
    const now = Date.now();
    if (verb === 'list') {
      for (const u of store.config.read().users) {
        console.log(
          `${u.username}\t${u.role}\t${u.active ? 'active' : 'inactive'}\t${u.displayName}`,
        );
      }
    } else if (verb === 'add' && username) {
      const role = values.role;
      if (role !== 'clerk' && role !== 'manager' && role !== 'admin')
        throw new Error('--role must be clerk, manager or admin.');
      const hallId = values.hall ?? store.config.read().halls[0]?.id;
      if (!hallId || !store.config.read().halls.some((h) => h.id === hallId))
        throw new Error(`No hall ${hallId}.`);
      const { password } = await addUser(
        store.config,
        { username, role, hallId, displayName: values.name, passwordChangeRequired: true },
        now,
      );
      console.log(`user: ${normaliseUsername(username)}\npassword: ${password}${ONE_TIME}`);
    } else if (verb === 'reset' && username) {
      // Whoever held the old password is signed out first (a running server's sockets at its
      // sweep): should that fail, the old password still holds and nothing was shown in vain.
      const name = normaliseUsername(username);
      const user = store.config.read().users.find((u) => u.username === name);
      if (!user) throw new Error(`No user ${name}.`);
      await store.sessions.deleteForUser(user.id);
      const password = await resetPassword(store.config, username, undefined, true);
      console.log(`user: ${name}\npassword: ${password}${ONE_TIME}`);
    } else if (verb === 'deactivate' && username) {
      const name = normaliseUsername(username);
      if (!store.config.read().users.some((u) => u.username === name))
        throw new Error(`No user ${name}.`);
      await store.config.update((d) => {
        d.users.find((u) => u.username === name)!.active = false;
      });
      const user = store.config.read().users.find((u) => u.username === name)!;
      await store.sessions.deleteForUser(user.id);
      console.log(`user ${name} deactivated`);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
