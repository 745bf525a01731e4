// `npm run build:server`: bundles the server (server/src/main.ts, everything it imports and its
// node_modules) into dist-server/, which `npm start` runs with plain `node`. Loading ~1,000
// modules one by one through the TypeScript loader was most of a cold start. The command-line
// tools (`npm run user`, …) are bundled beside it, so a production install, which has neither
// TypeScript loader nor packages, runs them too. Plain Node, like scripts/start.mjs.
import { build } from 'esbuild';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The command-line tools: dist-server/cli-<name>.mjs from server/src/cli/<name>.ts. */
export const cliNames = ['user', 'demo-data', 'migrate-to-postgres'];

/** Options both builds share. */
const common = {
  absWorkingDir: root,
  outExtension: { '.js': '.mjs' },
  // Modules imported with `await import()` (pg, the Redis client) become chunks of their
  // own, read only by an installation configured to use them.
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Node's ESM has no `require`, `__filename` or `__dirname`; the CommonJS packages in the
  // bundle (express, socket.io, pg…) call `require` for Node's built-ins.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __fileURLToPath(new URL(".", import.meta.url));',
    ].join('\n'),
  },
  // pg's optional native binding, only loaded when `pg.native` is read (never here).
  external: ['pg-native'],
  // Without comments and indentation the bundle is a third smaller and plain ASCII, which
  // Node reads and V8 compiles measurably faster; names are kept, so stack traces stay
  // readable, and the source map takes them to the lines of server/src.
  minifyWhitespace: true,
  legalComments: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  write: false,
};

/**
 * Builds dist-server/ (or `outdir`) from server/src: the server and the command-line tools;
 * returns the path of the server bundle, written last, so its time stamps a complete build.
 */
export async function buildServer({
  logLevel = 'warning',
  outdir = path.join(root, 'dist-server'),
} = {}) {
  const serverBundle = path.join(outdir, 'main.mjs');
  // Two builds, so the tools share no chunk with the server and its start loads what it did.
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'server/src/main.ts' },
      outdir,
      chunkNames: 'chunks/[name]-[hash]',
      logLevel,
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(
        cliNames.map((name) => [`cli-${name}`, `server/src/cli/${name}.ts`]),
      ),
      outdir,
      chunkNames: 'chunks/cli-[name]-[hash]',
      logLevel,
    }),
  ]);
  const files = results
    .flatMap((r) => r.outputFiles)
    .sort((a, b) => Number(a.path === serverBundle) - Number(b.path === serverBundle));
  for (const file of files) {
    await mkdir(path.dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    await writeFile(temp, file.contents);
    await rename(temp, file.path);
  }
  // Chunks of earlier builds: their names carry a hash of their content.
  const current = new Set(files.map((f) => f.path));
  for (const entry of await readdir(outdir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && !current.has(full)) await rm(full, { force: true });
  }
  return serverBundle;
}

// `node scripts/build-server.mjs [--quiet] [--outdir DIR]`: --quiet (npm start) prints warnings
// and errors only; --outdir builds elsewhere than dist-server/ (the production-install test).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { quiet: { type: 'boolean' }, outdir: { type: 'string' } },
  });
  await buildServer({
    logLevel: values.quiet ? 'warning' : 'info',
    ...(values.outdir ? { outdir: path.resolve(values.outdir) } : {}),
  });
}
