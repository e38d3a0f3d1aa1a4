import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import type { Plugin } from 'vite';

/**
 * Each `graphql(`…`)` call in the client becomes its document, inlined where it is written.
 *
 * The codegen client preset's `graphql()` looks documents up in one map holding every document of the app,
 * so the first screen (sign-in) would download the queries of every screen. Inlined, a document lives in the
 * module that declares it and ships in that route's chunk. Types are unchanged: TypeScript still reads
 * `graphql()`'s generated overloads. The documents are built as the preset builds them (the operation, then
 * the fragments it spreads, transitively; no locations), which test/build/graphql-documents.test.ts checks
 * against the generated ones.
 */

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const GENERATED_IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*\/gql\/__generated__['"];?[ \t]*$/m;

/** Drops what the preset drops: source locations, empty lists and absent fields. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'loc' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[key] = compact(v);
    }
    return out;
  }
  return value;
}

/** Every fragment definition written in these sources, by name. */
export function collectFragments(sources: string[]): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    for (const match of source.matchAll(CALL)) {
      for (const def of parse(match[1]).definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
  }
  return fragments;
}

/**
 * The document one `graphql()` call stands for: its own definitions plus every fragment they spread, each fragment
 * after the fragments it spreads itself (depth first, in the order written), as codegen orders them.
 */
export function buildDocument(source: string, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const own = parse(source).definitions;
  const included = new Set(own.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => d.name.value));
  const spread: DefinitionNode[] = [];
  const spreadsOf = (node: DefinitionNode): string[] => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (s) => void names.push(s.name.value) });
    return names;
  };
  const include = (name: string): void => {
    if (included.has(name)) return;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`graphql(): unknown fragment ...${name}`);
    included.add(name);
    for (const inner of spreadsOf(fragment)) include(inner);
    spread.push(fragment);
  };
  for (const definition of own) for (const name of spreadsOf(definition)) include(name);
  return compact({ kind: 'Document', definitions: [...own, ...spread] }) as DocumentNode;
}

/**
 * A module that sends its documents with plain fetch (app/graphql-request.ts, used before Apollo is loaded)
 * gets each document's text too, as graphql-js's `loc.source.body`, so the browser needs no GraphQL printer.
 * Such a document asks `__typename` of every object, as Apollo does with its own: an answer fetched before
 * Apollo arrived (the home page's first paint) is written into Apollo's cache and must read back whole.
 */
const SENDS_WITH_FETCH = /from\s*['"][^'"]*\/graphql-request['"]/;

const TYPENAME = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;

function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(set, _key, parent) {
      const isRoot = parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION;
      if (isRoot || set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...set, selections: [...set.selections, TYPENAME] };
    },
  });
}

function withSourceText(untyped: DocumentNode): DocumentNode {
  const document = compact(withTypenames(untyped)) as DocumentNode;
  const body = print(document);
  return { ...document, loc: { start: 0, end: body.length, source: { body, name: 'GraphQL request', locationOffset: { line: 1, column: 1 } } } } as unknown as DocumentNode;
}

/** The module's code with each `graphql()` call replaced by its document (and the then unused import gone). */
export function inlineDocuments(code: string, fragments: Map<string, FragmentDefinitionNode>): string {
  if (!code.includes('graphql(`')) return code;
  const fetched = SENDS_WITH_FETCH.test(code);
  const out = code.replace(CALL, (_all, source: string) => {
    const document = buildDocument(source, fragments);
    return `(${JSON.stringify(fetched ? withSourceText(document) : document)})`;
  });
  return /\bgraphql\(/.test(out) ? out : out.replace(GENERATED_IMPORT, '');
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'gql' && name !== 'node_modules') files.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
  }
  return files;
}

/** Vite plugin (production builds only; `vite dev` keeps codegen's runtime lookup). */
export function graphqlDocuments(srcDir: string): Plugin {
  let fragments = new Map<string, FragmentDefinitionNode>();
  return {
    name: 'lentera-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      fragments = collectFragments(sourceFiles(srcDir).map((f) => readFileSync(f, 'utf8')));
    },
    transform(code, id) {
      if (!id.startsWith(srcDir) || id.includes('/gql/__generated__/') || !/\.tsx?$/.test(id)) return null;
      const out = inlineDocuments(code, fragments);
      return out === code ? null : { code: out, map: null };
    },
  };
}
