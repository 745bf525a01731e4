import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The front ends' folders, one per user. */
const PAGES = ['kiosk', 'booking', 'display', 'counter', 'manager'];

/** The server imports no page and not the staff-UI folder (every server folder's rule has it). */
const NO_PAGES = [...PAGES, 'ui'].map((folder) => `**/${folder}/**`);

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-server', 'data', 'coverage', 'tests/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Globals by runtime (merged, never removed, by later blocks, so each file gets one set):
  // the server Node's, the pages the browser's, contract/ neither, as it runs on both sides.
  // Tests and tools drive both a server and a browser.
  {
    files: ['server/**', 'scripts/**', 'tests/**', '*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: [...PAGES.map((folder) => `${folder}/**`), 'ui/**', 'tests/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // A later block's rule replaces an earlier one for the files both match, so the domain and
  // stats blocks below repeat NO_PAGES.
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_PAGES }] },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'express',
            'socket.io',
            'lowdb',
            'lowdb/*',
            '../store/*',
            '../http/*',
            ...NO_PAGES,
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is a parameter.' },
      ],
    },
  },
  // store/ imports the day-summary types and codec from stats/; stats/ reads the store only
  // through the ports it is given (stats/records-source.ts), so the two never import each other.
  // File-level cycles anywhere are caught by `npm run lint:cycles` (dpdm).
  {
    files: ['server/src/stats/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/**'], message: 'stats/ does not import store/.' },
            { group: NO_PAGES, message: 'The server imports no page.' },
          ],
        },
      ],
    },
  },
  // A page imports only contract/, the shared UI folder ui/ (staff elements, the visitor
  // pages' QR code and language switch) and its own folder.
  ...PAGES.map((page) => ({
    files: [`${page}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/server/**',
            'node:*',
            ...PAGES.filter((other) => other !== page).map((other) => `**/${other}/**`),
          ],
        },
      ],
    },
  })),
  // ui/ is shared by the pages, so it imports none of them (nor the server): only contract/.
  {
    files: ['ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/server/**', 'node:*', ...PAGES.map((page) => `**/${page}/**`)] },
      ],
    },
  },
);
