// `npm start`: builds the front ends and the server bundle when they are missing or older than
// their sources, then runs the server bundle in this process. Plain Node, so it works before
// anything is compiled; the server runs without the TypeScript loader (see build-server.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether `stamp` is missing or older than any of `sources` (files or folders). */
function stale(stamp, sources) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return sources
    .map((p) => path.join(root, p))
    .some(
      (s) =>
        existsSync(s) && (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs) > built,
    );
}

function run(what, args) {
  console.log(what);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const pages = [
  'kiosk',
  'display',
  'counter',
  'manager',
  'contract',
  'index.html',
  'vite.config.ts',
];
if (stale(path.join(root, 'dist', 'index.html'), pages)) {
  run('Building the pages (kiosk, display, counter, manager)…', [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
}

const bundle = path.join(root, 'dist-server', 'main.mjs');
const server = [
  'server/src',
  'contract',
  'package.json',
  'package-lock.json',
  // What `npm install` last put in node_modules, which the bundle includes.
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'scripts/build-server.mjs',
];
if (stale(bundle, server)) {
  run('Building the server…', [path.join(root, 'scripts/build-server.mjs'), '--quiet']);
}

// In this process rather than a child: one Node start less. The server handles its signals.
await import(pathToFileURL(bundle).href);
