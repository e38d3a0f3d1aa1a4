// `pnpm lint` runs this (type-aware ESLint) and then knip (knip.json). The module-boundary rule is
// eslint/module-boundaries.js; test/unit/module-boundaries.test.ts proves it fires.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint/module-boundaries.js';

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

export default config;
