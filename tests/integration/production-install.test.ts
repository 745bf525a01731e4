import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmStart, releaseWithServer } from '../support/npm-release.js';

// A production server gets a release (package.json, package-lock.json, scripts/, dist/ and
// dist-server/ of `npm run build`) and `npm ci --omit=dev`: no sources, no build tools.
const root = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const temps: string[] = [];

async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `siramatik-${name}-`));
  temps.push(dir);
  return dir;
}

/** `npm <args>` in `cwd`; rejects with its output when it fails. */
function npm(cwd: string, args: string[], env: Record<string, string> = {}) {
  return exec('npm', args, { cwd, env: { ...process.env, ...env }, timeout: 120_000 });
}

describe('production install', () => {
  let release: string;

  // What a release holds, built as `npm run build` builds it, then installed for production.
  beforeAll(async () => {
    release = await tempDir('release');
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: path.join(release, 'dist'), emptyOutDir: true },
    });
    await releaseWithServer(release, ['package.json', 'package-lock.json', 'scripts']);
    await npm(release, ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit']);
  }, 300_000);

  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it('when a release is installed with npm ci --omit=dev, then it holds no build tools', () => {
    for (const tool of ['esbuild', 'tsx', 'vite', 'typescript', 'vitest'])
      expect(existsSync(path.join(release, 'node_modules', tool)), tool).toBe(false);
  });

  it('when a production install runs npm start, then it serves the prebuilt release and npm run user manages its users', async () => {
    const dataDir = await tempDir('data');

    const server = await npmStart(release, dataDir);
    const health = await fetch(`${server.base}/api/health`);
    const kiosk = await fetch(`${server.base}/kiosk`);
    await server.stop();

    expect(health.status).toBe(200);
    expect(kiosk.status).toBe(200);
    expect(server.output()).toMatch(/admin password: \S+/);
    expect(server.output()).not.toMatch(/Building/);
    const env = { DATA_DIR: dataDir };
    const added = await npm(
      release,
      ['run', '--silent', 'user', '--', 'add', 'ayse', '--role', 'clerk'],
      env,
    );
    expect(added.stdout).toMatch(/^user: ayse\npassword: \S+/);
    const listed = await npm(release, ['run', '--silent', 'user', '--', 'list'], env);
    expect(listed.stdout).toMatch(/^admin\tadmin\tactive/m);
    expect(listed.stdout).toMatch(/^ayse\tclerk\tactive/m);
  }, 120_000);

  it('when an installation has neither a build nor the sources, then npm start says what to do', async () => {
    const empty = await installation({});

    const started = await npm(empty, ['start']).catch((err: NpmFailure) => err);

    expect(started).toMatchObject({ code: 1 });
    expect((started as NpmFailure).stderr).toMatch(
      /dist\/index\.html is missing[\s\S]*Copy dist\/ and dist-server\/ of `npm run build`/,
    );
  }, 60_000);

  it('when a checkout without build tools has sources newer than its build, then npm start refuses and says how to build', async () => {
    const checkout = await installation({
      'vite.config.ts': HOUR_AGO,
      'dist/index.html': HOUR_AGO,
      'dist-server/main.mjs': HOUR_AGO,
      'server/src/main.ts': NOW,
    });

    const started = await npm(checkout, ['start']).catch((err: NpmFailure) => err);

    expect(started).toMatchObject({ code: 1 });
    expect((started as NpmFailure).stderr).toMatch(
      /dist-server\/main\.mjs is older than its sources[\s\S]*npm ci && npm run build/,
    );
  }, 60_000);

  it('when a checkout is installed for production after its build, then npm start runs that build without building', async () => {
    const checkout = await installation(
      {
        'vite.config.ts': HOUR_AGO,
        'server/src/main.ts': HOUR_AGO,
        'scripts/build-server.mjs': HOUR_AGO,
        'dist/index.html': MINUTE_AGO,
        'dist-server/main.mjs': MINUTE_AGO,
        // `npm ci --omit=dev` after `npm run build`: newer than the build, no esbuild or Vite.
        'node_modules/.package-lock.json': NOW,
      },
      { 'dist-server/main.mjs': "console.log('server ran');" },
    );

    const started = await npm(checkout, ['start']);

    expect(started.stdout).toContain('server ran');
    expect(started.stdout).not.toContain('Building');
  }, 60_000);
});

type NpmFailure = { code: number; stderr: string };
const NOW = 0;
const MINUTE_AGO = 60_000;
const HOUR_AGO = 3_600_000;

/**
 * A folder with this package.json and scripts/, and `files` (new ones empty unless in
 * `contents`), each modified the given number of milliseconds ago.
 */
async function installation(
  files: Record<string, number>,
  contents: Record<string, string> = {},
): Promise<string> {
  const dir = await tempDir('installation');
  for (const item of ['package.json', 'scripts'])
    await cp(path.join(root, item), path.join(dir, item), { recursive: true });
  for (const [file, age] of Object.entries(files)) {
    const full = path.join(dir, file);
    await mkdir(path.dirname(full), { recursive: true });
    if (!existsSync(full) || file in contents) await writeFile(full, contents[file] ?? '');
    const time = new Date(Date.now() - age);
    await utimes(full, time, time);
  }
  return dir;
}
