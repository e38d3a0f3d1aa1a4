import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocument, collectFragments, inlineDocuments } from '../../client/build/graphql-documents.js';

/**
 * The production build inlines each `graphql()` document where it is written (so a route's chunk carries only
 * its own queries); what it inlines must be exactly what codegen generated, or the app would send other queries.
 */
const src = fileURLToPath(new URL('../../client/src/', import.meta.url));
// Codegen's lookup by source text; imported by URL because the client's files resolve like a bundler's, not like Node's.
const generatedMap = new URL('../../client/src/gql/__generated__/gql.ts', import.meta.url).href;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('GraphQL documents inlined by the build', () => {
  const files = sources(src);
  const fragments = collectFragments(files);
  const calls = files.flatMap((code) => [...code.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map((m) => m[1]));

  it('equal the documents codegen generated, for every graphql() call of the client', async () => {
    const { graphql } = (await import(generatedMap)) as { graphql: (source: string) => unknown };
    expect(calls.length).toBeGreaterThan(40);
    for (const source of calls) {
      const generated = graphql(source);
      expect(generated, source).toHaveProperty('definitions');
      expect(buildDocument(source, fragments), source).toEqual(JSON.parse(JSON.stringify(generated)));
    }
  });

  it('replace the call and drop the then unused import of the generated map', () => {
    const code = `import { graphql } from '../gql/__generated__';\nexport const SessionDocument = graphql(\`\n  query Session { me { ...SessionMe } }\n\`);\n`;
    const out = inlineDocuments(code, fragments);
    expect(out).not.toContain('__generated__');
    expect(out).not.toContain('graphql(');
    expect(out).toContain('"value":"SessionMe"');
    expect(out).toContain('"kind":"FragmentDefinition"');
  });
});
