import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/** One small program per case, but tsc still loads its libs: seconds on a busy machine. */
const SLOW = 120_000;

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * tsc's diagnostics for `source` checked under one of the project's runtime configs, together
 * with the folders that config checks: a package's types referencing another runtime's (as
 * `@types/qrcode` references Node's) would let the probe through, as it would a real page.
 */
async function check(config: string, source: string): Promise<string> {
  const own = JSON.parse(await readFile(path.join(root, config), 'utf8')) as {
    include: string[];
    compilerOptions: { paths?: Record<string, string[]> };
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-tsconfig-'));
  temps.push(dir);
  await writeFile(path.join(dir, 'probe.ts'), source);
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(root, config),
      compilerOptions: {
        typeRoots: [path.join(root, 'node_modules', '@types')],
        // Paths in `paths` are relative to the config that sets them: restated from the root.
        ...(own.compilerOptions.paths && {
          paths: Object.fromEntries(
            Object.entries(own.compilerOptions.paths).map(([k, v]) => [
              k,
              v.map((p) => path.join(root, p)),
            ]),
          ),
        }),
      },
      include: ['probe.ts', ...own.include.map((folder) => path.join(root, folder))],
    }),
  );
  try {
    await run(process.execPath, [tsc, '--noEmit', '-p', dir], { cwd: dir });
    return '';
  } catch (err) {
    return (err as { stdout?: string }).stdout ?? String(err);
  }
}

describe('one tsconfig per runtime (npm run typecheck)', () => {
  it('when typecheck runs, then it checks the server, the pages and contract/ each under its own config', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const config of ['tsconfig.server.json', 'tsconfig.pages.json', 'tsconfig.contract.json'])
      expect(pkg.scripts['typecheck']).toContain(`-p ${config}`);
  });

  it(
    "when a page uses Node's globals, then the pages' config refuses it; the browser's are fine",
    async () => {
      expect(await check('tsconfig.pages.json', 'export const e = process.env.X;\n')).toMatch(
        /Cannot find name 'process'/,
      );
      expect(await check('tsconfig.pages.json', 'export const w = window.innerWidth;\n')).toBe('');
    },
    SLOW,
  );

  it(
    "when the server uses the browser's globals, then the server's config refuses it; Node's are fine",
    async () => {
      expect(await check('tsconfig.server.json', 'export const w = window.innerWidth;\n')).toMatch(
        /Cannot find name 'window'/,
      );
      expect(await check('tsconfig.server.json', 'export const e = process.env.X;\n')).toBe('');
    },
    SLOW,
  );

  it(
    "when contract/ uses either side's globals, then its config refuses both",
    async () => {
      const both = await check(
        'tsconfig.contract.json',
        'export const a = Buffer.from("x");\nexport const b = document.title;\n',
      );
      expect(both).toMatch(/Cannot find name 'Buffer'/);
      expect(both).toMatch(/Cannot find name 'document'/);
    },
    SLOW,
  );
});
