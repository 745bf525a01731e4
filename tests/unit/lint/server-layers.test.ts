import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });
/** The first lint loads the whole config and typescript-eslint: seconds on a busy machine. */
const LINT = 60_000;

/** The import rules' messages for `source` placed at `file`, as the project's lint runs. */
async function importProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: what the server folders may import', () => {
  it(
    'when a server module imports a page or ui/, then lint refuses it, in every server folder',
    async () => {
      for (const file of [
        'server/src/http/x.ts',
        'server/src/domain/x.ts',
        'server/src/stats/x.ts',
      ]) {
        expect(await importProblems(file, "import '../../../counter/src/i18n.js';\n")).toHaveLength(
          1,
        );
        expect(await importProblems(file, "import '../../../ui/staff-sign-in.js';\n")).toHaveLength(
          1,
        );
      }
      expect(
        await importProblems('server/src/http/x.ts', "import '../../../contract/api.js';\n"),
      ).toEqual([]);
    },
    LINT,
  );

  it(
    'when a stats module imports the store, then lint refuses it; the store may import stats',
    async () => {
      expect(
        await importProblems('server/src/stats/x.ts', "import '../store/store.js';\n"),
      ).toHaveLength(1);
      expect(
        await importProblems('server/src/store/x.ts', "import '../stats/day-summary.js';\n"),
      ).toEqual([]);
    },
    LINT,
  );

  it(
    'when the domain imports node:, the store or the http shell, then lint still refuses it',
    async () => {
      for (const source of [
        "import 'node:fs';\n",
        "import '../store/store.js';\n",
        "import '../http/route.js';\n",
      ]) {
        expect(await importProblems('server/src/domain/x.ts', source)).toHaveLength(1);
      }
    },
    LINT,
  );
});
