// `pnpm lint` runs this (type-aware ESLint) and then knip (knip.json). The module-boundary rule is
// eslint/module-boundaries.js; test/unit/module-boundaries.test.ts proves it fires.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint/module-boundaries.js';

// ── TEMPORARY: REWORKED_IN_PARALLEL ───────────────────────────────────────────────────────────────────────
// Issue 6 rewrote these folders in parallel with the lint setup (runs: course, run, enrolment, home; ledger:
// learning-hours; the client's are fixed). Their findings are still warnings here; the next step of
// issue 6 fixes them folder by folder (with the move of their SQL to Kysely) and deletes this list and the block
// that uses it at the end of this file.
const REWORKED_IN_PARALLEL = [
  'server/src/modules/course/**',
  'server/src/modules/run/**',
  'server/src/modules/enrolment/**',
  'server/src/modules/home/**',
  'server/src/modules/learning-hours/**',
];
// Imports into a module being rewritten that its index.ts does not offer yet: person.service.ts calls
// enrolment/approvers.js (moveRequestsToSupervisor), which enrolment/index.ts (runs' branch) must export.
const WAITS_FOR_REWORKED_INDEX = ['server/src/modules/person/person.service.ts'];
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const TS_FILES = ['**/*.{ts,tsx}'];

const config = tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', 'client/src/gql/__generated__/', '.data/', 'coverage/'],
  },
  {
    files: TS_FILES,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Each file is checked with the tsconfig.json nearest to it: server/, client/, or the root one (test/).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The reasons to type-check at all: a promise nobody awaits (em.flush(), a transaction, an async
      // resolver's work) fails silently or after the response; an async callback where a void one is expected
      // (event handlers, forEach, express) drops its rejection.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function that satisfies a Promise-returning signature without awaiting anything is fine.
      '@typescript-eslint/require-await': 'off',
      // express tells an error handler by its four parameters; `_next` is there for that.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // The web benchmark runs some of its functions inside the page (page.evaluate).
    files: ['test/bench/web.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read GraphQL responses as untyped JSON and assert on their shape; typing every response would
      // duplicate the schema. The promise rules above stay on: an un-awaited expect(...).rejects passes silently.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    plugins: { lentera: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: { 'lentera/module-boundaries': 'error' },
  },
);

// TEMPORARY (see REWORKED_IN_PARALLEL above): in those folders each config entry is followed by its own copy
// with every rule it switches on as a warning (a severity alone keeps the options); rules an entry switches off
// stay off. A nested `files` array means "all of these patterns", so each copy applies where its entry does.
const off = (setting) => [0, 'off'].includes(Array.isArray(setting) ? setting[0] : setting);
const asWarnings = (entry) => {
  if (!entry.rules) return [entry];
  const where = (entry.files ?? [[]]).flatMap((pattern) => REWORKED_IN_PARALLEL.map((folder) => [pattern, folder].flat()));
  const rules = Object.fromEntries(Object.entries(entry.rules).map(([name, setting]) => [name, off(setting) ? 'off' : 'warn']));
  return [entry, { files: where, ...(entry.ignores ? { ignores: entry.ignores } : {}), rules }];
};
export default [
  ...config.flatMap(asWarnings),
  { files: WAITS_FOR_REWORKED_INDEX, rules: { 'lentera/module-boundaries': 'warn' } },
];
