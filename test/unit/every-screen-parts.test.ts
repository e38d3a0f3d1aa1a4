import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVERY_SCREEN_GROUPS } from '../kit/every-screen-groups.js';

const e2e = join(import.meta.dirname, '../e2e');

/**
 * test/kit/every-screen.ts deals each group's screens over its parts: a part without its file would leave a share of
 * the screens unchecked, and a file of a part that no longer exists would fail at start. Each part has exactly one file.
 */
describe('every-screen parts', () => {
  it('every part of every group has its own file, calling its own part', () => {
    const expected = Object.entries(EVERY_SCREEN_GROUPS).flatMap(([group, { parts }]) =>
      Array.from({ length: parts }, (_, i) => ({ file: `every-screen-${group}-${i + 1}.test.ts`, call: `describeEveryScreen('${group}', ${i + 1});` })));
    const files = readdirSync(e2e).filter((f) => f.startsWith('every-screen')).sort();
    expect(files).toEqual(expected.map((p) => p.file).sort());
    for (const { file, call } of expected) expect(readFileSync(join(e2e, file), 'utf8'), file).toContain(call);
  });
});
