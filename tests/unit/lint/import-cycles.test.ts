import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
/** The check parses every source file once: seconds on a busy two-core machine. */
const WHOLE_PROJECT = 120_000;

/** The cycle check as `npm run lint` runs it (package.json `lint:cycles`). */
async function cycleScript(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts['lint:cycles'];
  if (!script) throw new Error('package.json has no lint:cycles script');
  return script;
}

/** The file patterns the script checks (its quoted arguments). */
function patternsOf(script: string): string[] {
  return [...script.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('lint: no import cycles', () => {
  it(
    'when two modules import each other, even for types only, then lint:cycles fails and names them',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-cycle-'));
      temps.push(dir);
      await copyFile(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
      await mkdir(path.join(dir, 'server/src'), { recursive: true });
      await writeFile(
        path.join(dir, 'server/src/visit.ts'),
        "import type { Desk } from './desk.js';\nexport interface Visit { desk: Desk }\n",
      );
      await writeFile(
        path.join(dir, 'server/src/desk.ts'),
        "import type { Visit } from './visit.js';\nexport interface Desk { visit?: Visit }\n",
      );

      const failure = await run('sh', ['-c', await cycleScript()], {
        cwd: dir,
        env: {
          ...process.env,
          PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`,
        },
      }).then(
        () => undefined,
        (error: unknown) => error as { code: number; stdout: string },
      );

      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toMatch(
        /server\/src\/(desk|visit)\.ts -> server\/src\/(desk|visit)\.ts/,
      );
    },
    WHOLE_PROJECT,
  );

  it(
    'when the project is checked, then every relative import resolves and none forms a cycle',
    async () => {
      const tree = await parseDependencyTree(patternsOf(await cycleScript()), {
        cwd: root,
        context: root,
      });
      const files = Object.keys(tree);
      const unresolved = Object.values(tree)
        .flatMap((deps) => deps ?? [])
        .filter((dep) => dep.request.startsWith('.') && dep.id === null)
        .map((dep) => `${dep.issuer} → ${dep.request}`);

      // A checker that resolved nothing would find no cycle either: prove it sees the real graph.
      expect(files).toContain('server/src/app.ts');
      expect(files).toContain('counter/src/counter-main.ts');
      expect(unresolved).toEqual([]);
      expect(parseCircular(tree)).toEqual([]);
    },
    WHOLE_PROJECT,
  );
});
