import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/kit/sequencer.js';

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: without this, files Vite transforms would load index.mjs
    // while type-graphql and Apollo load index.js ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts', 'client/src/**/*.test.ts'],
    exclude: ['test/bench/**', '**/node_modules/**'],
    globalSetup: ['test/kit/global-setup.ts'],
    // Tests import modules through their index.ts, which loads type-graphql classes: the metadata polyfill
    // the server's entry points load first must be there before them too.
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every test file gets its own database cloned from a migrated template, so files run in parallel.
    pool: 'forks',
    // Files share their worker's module cache (isolate: false): each file still boots its own server on its own
    // database, but the server's modules load once per worker, not once per file (a fifth of the suite's CPU). The
    // browser test that once failed this way (test/e2e/offline.test.ts) went offline while the home page's app was
    // still downloading; it now waits for that handover, and a full run of every file passes so.
    isolate: false,
    // The long files first, also in a fresh checkout that has no durations cached (test/kit/sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // Four on two cores: browser and database round trips leave the cores idle part of the time (a full run on a quiet
    // machine, 2026-12-03: 10.7 min with four; five saturated the cores and took 13.1).
    maxWorkers: 4,
  },
});
