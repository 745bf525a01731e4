// `npm run user|demo-data|migrate-to-postgres -- …`: runs the command-line tool's bundle
// (dist-server/cli-<name>.mjs) with plain Node when it is up to date, so a production install
// (`npm ci --omit=dev`, no TypeScript loader) has the tools too; otherwise, in a development
// install, its TypeScript source through tsx, so a tool never runs older code than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildState, cannotBuild, root, server } from './build-state.mjs';

const [name, ...args] = process.argv.slice(2);
const bundle = path.join(root, 'dist-server', `cli-${name}.mjs`);
const source = path.join(root, 'server', 'src', 'cli', `${name}.ts`);
const state = buildState(server);

let command;
if (existsSync(bundle) && state.state === 'fresh') command = [bundle, ...args];
else if (existsSync(source) && existsSync(path.join(root, 'node_modules', 'tsx')))
  command = ['--import', import.meta.resolve('tsx'), source, ...args];
else {
  console.error(
    existsSync(bundle) || state.state !== 'fresh'
      ? cannotBuild(server, state, `node dist-server/cli-${name}.mjs ${args.join(' ')}`)
      : `dist-server/cli-${name}.mjs is missing: no such tool, or a build older than the tools' bundles (build again: npm run build).`,
  );
  process.exit(1);
}
// The caller's folder, as npm gives it: DATA_DIR and --data-dir are relative to it.
const run = spawnSync(process.execPath, command, { stdio: 'inherit' });
process.exit(run.status ?? 1);
