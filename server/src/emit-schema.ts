import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './app/build-schema.js';

/** Writes schema/schema.graphql, sorted so diffs show only real API changes. */
const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
const schema = await buildAppSchema();
writeFileSync(target, `# Generated from the server's type-graphql classes by \`pnpm schema:emit\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`);
console.log('schema written to', target);
