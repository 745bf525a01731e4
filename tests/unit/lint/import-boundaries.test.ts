import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** The import rule's messages for one line of source at `file`, as the project's lint runs. */
async function importProblems(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: what the front-end folders may import', () => {
  it('when a page imports another page’s folder, then lint refuses it', async () => {
    expect(
      await importProblems('counter/src/x.ts', "import '../../manager/src/i18n.js';\n"),
    ).toHaveLength(1);
    expect(
      await importProblems('manager/src/x.ts', "import '../../kiosk/src/i18n.js';\n"),
    ).toHaveLength(1);
  });

  it('when a page imports ui/ or contract/, then lint accepts it', async () => {
    const source = "import '../../ui/password-change.js';\nimport '../../contract/api.js';\n";
    expect(await importProblems('counter/src/x.ts', source)).toEqual([]);
    expect(await importProblems('manager/src/x.ts', source)).toEqual([]);
  });

  it('when ui/ imports a page’s folder or the server, then lint refuses it', async () => {
    expect(await importProblems('ui/x.ts', "import '../counter/src/i18n.js';\n")).toHaveLength(1);
    expect(await importProblems('ui/x.ts', "import '../server/src/app.js';\n")).toHaveLength(1);
    expect(await importProblems('ui/x.ts', "import '../contract/api.js';\n")).toEqual([]);
  });
});
