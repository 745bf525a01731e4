// Whether the pages (dist/) and the server bundle (dist-server/) are there, up to date and
// rebuildable here: read by `npm start` and by the command-line tools' launcher. Plain Node and
// no packages: a production install (`npm ci --omit=dev`) runs it without esbuild or Vite.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installation's folder (the one with package.json). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} BuildTarget
 * @property {string} what  what is built, for messages
 * @property {string} stamp  the file a build writes last; its time is the build's
 * @property {string} entry  a source file that is present wherever the sources are
 * @property {string[]} sources  files and folders the build reads
 * @property {string} tool  a file of the build tool, present in a full install only
 * @property {string[]} command  arguments to `node` that build it
 */

/** @type {BuildTarget} */
export const pages = {
  what: 'the pages (kiosk, display, counter, manager)',
  stamp: 'dist/index.html',
  entry: 'vite.config.ts',
  sources: [
    'kiosk',
    'display',
    'counter',
    'manager',
    'ui',
    'contract',
    'index.html',
    'vite.config.ts',
  ],
  tool: 'node_modules/vite/bin/vite.js',
  command: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
};

/** @type {BuildTarget} */
export const server = {
  what: 'the server',
  stamp: 'dist-server/main.mjs',
  entry: 'server/src/main.ts',
  sources: ['server/src', 'contract', 'tsconfig.json', 'scripts/build-server.mjs'],
  tool: 'node_modules/esbuild/package.json',
  command: ['scripts/build-server.mjs', '--quiet'],
};

const at = (p) => path.join(root, p);

function newestMtime(full) {
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full))
    newest = Math.max(newest, newestMtime(path.join(full, entry)));
  return newest;
}

/**
 * `missing` (never built), `stale` (a source or the installed packages changed since) or
 * `fresh`; and whether it can be built here, which needs both the sources and the build tool.
 * A release holds no sources: its build is never stale, whatever the files' times (copying and
 * `npm ci` touch package.json and node_modules). Installed packages count only where the build
 * tool is: a production install has none of the packages the bundles contain.
 * @param {BuildTarget} target
 * @returns {{ state: 'missing' | 'stale' | 'fresh', haveSources: boolean, haveTool: boolean }}
 */
export function buildState(target) {
  const haveSources = existsSync(at(target.entry));
  const haveTool = existsSync(at(target.tool));
  if (!existsSync(at(target.stamp))) return { state: 'missing', haveSources, haveTool };
  if (!haveSources) return { state: 'fresh', haveSources, haveTool };
  const inputs = haveTool ? [...target.sources, 'node_modules/.package-lock.json'] : target.sources;
  const built = statSync(at(target.stamp)).mtimeMs;
  const stale = inputs.some((p) => newestMtime(at(p)) > built);
  return { state: stale ? 'stale' : 'fresh', haveSources, haveTool };
}

/**
 * Why `target` cannot be built here and what to do instead, for an installation whose build is
 * missing or stale; `runAnyway` is the command that runs a stale build as it is.
 * @param {BuildTarget} target
 * @param {ReturnType<typeof buildState>} state
 * @param {string} [runAnyway]
 */
export function cannotBuild(target, { state, haveSources }, runAnyway = `node ${server.stamp}`) {
  const problem =
    state === 'missing'
      ? `${target.stamp} is missing`
      : `${target.stamp} is older than its sources`;
  const lines = haveSources
    ? [
        `${problem}, and building ${target.what} needs the development packages, which this`,
        'installation does not have (a production install: npm ci --omit=dev). Either build here:',
        '  npm ci && npm run build',
        'or build elsewhere and copy dist/ and dist-server/ here (README: Production install).',
      ]
    : [
        `${problem}, and this installation has no sources to build ${target.what} from.`,
        'Copy dist/ and dist-server/ of `npm run build` here (README: Production install).',
      ];
  if (state === 'stale') lines.push(`To run the older build anyway: ${runAnyway}`);
  return lines.join('\n');
}
