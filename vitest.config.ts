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
    // One process per worker runs file after file instead of one new process per file: importing the server (type-graphql,
    // MikroORM, Apollo) again for each of ~110 files was over a third of the run's CPU (20 API files: 199 CPU-s isolated,
    // 112 not, 2026-12-03). Files still share nothing that matters: each has its own database and server, the server's
    // registries are filled once when their modules load, and no test stubs globals, timers or the environment.
    isolate: false,
    // The long files first, also in a fresh checkout that has no durations cached (test/kit/sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // Three on two cores: browser and database round trips leave the cores idle part of the time (13.5 min wall
    // with three on a busy machine against 15.8 with two, 2026-12-03; all files isolated, so nothing else changes).
    maxWorkers: 3,
  },
});
