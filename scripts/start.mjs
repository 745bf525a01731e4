// `npm start`: builds the front ends and the server bundle when they are missing or older than
// their sources and the build tools are installed, then runs the server bundle in this process.
// Plain Node, so it works before anything is compiled and in a production install, which has
// no build tools: there it runs the build it finds, or says what to do when there is none.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildState, cannotBuild, pages, root, server } from './build-state.mjs';

for (const target of [pages, server]) {
  const state = buildState(target);
  if (state.state === 'fresh') continue;
  if (!state.haveSources || !state.haveTool) {
    console.error(cannotBuild(target, state));
    process.exit(1);
  }
  console.log(`Building ${target.what}…`);
  const built = spawnSync(process.execPath, target.command, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// In this process rather than a child: one Node start less. The server handles its signals.
await import(pathToFileURL(path.join(root, server.stamp)).href);
