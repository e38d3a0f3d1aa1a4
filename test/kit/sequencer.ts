import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Which test files start first. Vitest runs the longest files first when it remembers their durations (its cache in
 * node_modules/.vite), but a fresh checkout (CI, a new worktree) has none, and then it runs the largest files first:
 * the every-screen parts are a few lines each and took a minute each, so they started last, side by side, and the
 * run waited on them. Without durations for every file, the files known to be long go first: the browser files
 * (every-screen first) and the authorization matrix, then the smoke tests, then the rest, largest first.
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    if (files.every((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return super.sort(files);
    const size = (spec: TestSpecification) => {
      try {
        return statSync(spec.moduleId).size;
      } catch {
        return 0;
      }
    };
    const keyed = files.map((spec) => ({ spec, rank: rank(spec.moduleId), size: size(spec) }));
    keyed.sort((a, b) => a.rank - b.rank || b.size - a.size);
    return keyed.map(({ spec }) => spec);
  }
}

/** Lower starts first. */
function rank(path: string): number {
  const p = path.replaceAll('\\', '/');
  if (p.includes('/test/e2e/every-screen-')) return 0;
  if (p.includes('/test/api/authorization/') && !p.endsWith('/coverage.test.ts')) return 1;
  if (p.includes('/test/e2e/')) return 2;
  if (p.includes('/test/smoke/') || p.includes('/test/upgrade/')) return 3;
  return 4;
}
