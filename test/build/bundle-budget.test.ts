import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The bundle budget: the JavaScript a first visit to a page downloads, gzip-compressed as the server sends it
 * (the .gz twins the build writes). Computed from the build's manifest (client/dist/.vite/manifest.json): the
 * entry with everything it imports statically, plus the page's route chunk (and the signed-in shell, which
 * main.tsx fetches at start for every signed-in page) with their static imports. Needs `pnpm build`
 * (`pnpm test` builds first). When a change breaks the budget, make the page lighter, do not raise the number
 * without saying why in the commit.
 */
const dist = fileURLToPath(new URL('../../client/dist/', import.meta.url));
const KB = 1024;

/** Limits in KB of gzip. The goal for these pages is 130 (sign-in) and 170 (home); see README "Speed on a phone". */
export const BUDGET = {
  'sign-in': { route: 'src/routes/sign-in.tsx', shell: false, limit: 236 },
  home: { route: 'src/routes/home.tsx', shell: true, limit: 295 },
  catalogue: { route: 'src/routes/catalogue.tsx', shell: true, limit: 310 },
  'course-detail': { route: 'src/routes/course-detail.tsx', shell: true, limit: 299 },
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function manifest(): Record<string, ManifestChunk> {
  const path = join(dist, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error('client/dist/.vite/manifest.json is missing: run `pnpm build` first');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

/** The JS files a cold visit loads for these manifest keys: each one and its static imports, transitively. */
export function firstVisitScripts(chunks: Record<string, ManifestChunk>, keys: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    if (!chunks[key]) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    stack.push(...(chunks[key].imports ?? []));
  }
  return [...seen].map((k) => chunks[k].file).filter((f) => f.endsWith('.js')).sort();
}

/** Bytes on the wire for a gzip-only browser: the .gz twin, or the file itself when it has none (tiny files). */
function gzipBytes(file: string): number {
  const twin = join(dist, `${file}.gz`);
  return statSync(existsSync(twin) ? twin : join(dist, file)).size;
}

function pageScripts(page: keyof typeof BUDGET): string[] {
  const chunks = manifest();
  const entry = Object.keys(chunks).find((k) => chunks[k].isEntry)!;
  const { route, shell } = BUDGET[page];
  return firstVisitScripts(chunks, [entry, route, ...(shell ? ['src/features/shell/AppLayout.tsx'] : [])]);
}

/** Operation names of the GraphQL documents in these scripts (the build inlines them where they are used). */
function operationsIn(files: string[]): string[] {
  const names = new Set<string>();
  const pattern = /OperationDefinition[`"'],operation:[`"'](?:query|mutation)[`"'],name:\{kind:[`"']Name[`"'],value:[`"'](\w+)/g;
  for (const f of files) for (const m of readFileSync(join(dist, f), 'utf8').matchAll(pattern)) names.add(m[1]);
  return [...names].sort();
}

describe('bundle budget (first visit, gzip)', () => {
  for (const page of Object.keys(BUDGET) as (keyof typeof BUDGET)[]) {
    it(`${page}: at most ${BUDGET[page].limit} KB of JavaScript`, () => {
      const files = pageScripts(page);
      const total = files.reduce((sum, f) => sum + gzipBytes(f), 0);
      const detail = files.map((f) => `${f} ${(gzipBytes(f) / KB).toFixed(1)}`).join('\n');
      console.log(`[budget] ${page}: ${(total / KB).toFixed(1)} KB gzip in ${files.length} scripts (limit ${BUDGET[page].limit})`);
      expect(total / KB, `${page} loads ${(total / KB).toFixed(1)} KB gzip:\n${detail}`).toBeLessThanOrEqual(BUDGET[page].limit);
    });
  }

  it('the sign-in page carries only its own GraphQL documents, not those of the screens behind it', () => {
    expect(operationsIn(pageScripts('sign-in'))).toEqual(['SaveLanguageAfterSignIn', 'Session', 'SetMyLanguage', 'SignIn', 'SignInSessionEnded']);
  });

  it("a screen's documents ship with its route chunk", () => {
    const chunks = manifest();
    const catalogueOnly = firstVisitScripts(chunks, ['src/routes/catalogue.tsx']).filter((f) => !pageScripts('sign-in').includes(f));
    expect(operationsIn(catalogueOnly)).toContain('Catalogue');
    expect(operationsIn(pageScripts('home'))).not.toContain('Catalogue');
  });
});
