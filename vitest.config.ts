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
    // Not `isolate: false` yet: it cut 20 API files from 199 to 112 CPU-s, but test/e2e/offline.test.ts's missing-chunk
    // case then failed 3 runs of 4 (never isolated) on a machine at load 20-37; find out why before turning it on.
    // The long files first, also in a fresh checkout that has no durations cached (test/kit/sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // Three on two cores: browser and database round trips leave the cores idle part of the time (13.5 min wall
    // with three on a busy machine against 15.8 with two, 2026-12-03; all files isolated, so nothing else changes).
    maxWorkers: 3,
  },
});
