import { parse, validate, type GraphQLSchema, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../../server/src/app/build-schema.js';
import { MATRIX } from './matrix.js';
import { cellFor } from './matrix-kit.js';
import { VIEWERS } from './world.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const operationsOf = (kind: 'query' | 'mutation') =>
  Object.keys((kind === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).sort();
const rowsOf = (kind: 'query' | 'mutation') => Object.entries(MATRIX).filter(([, row]) => row.kind === kind).map(([op]) => op).sort();

describe('the authorization matrix covers the schema', () => {
  it('every query of the executable schema has its row, and every query row names a query that exists', () => {
    expect(rowsOf('query')).toEqual(operationsOf('query'));
  });

  it('every mutation of the executable schema has its row, and every mutation row names a mutation that exists', () => {
    expect(rowsOf('mutation')).toEqual(operationsOf('mutation'));
  });

  it('every row calls its own operation with a document the schema accepts', () => {
    const problems: string[] = [];
    for (const [op, row] of Object.entries(MATRIX)) {
      const doc = parse(row.document);
      const errors = validate(schema, doc);
      if (errors.length) problems.push(`${op}: ${errors.map((e) => e.message).join('; ')}`);
      const operation = doc.definitions[0] as OperationDefinitionNode;
      const fields = operation.selectionSet.selections.map((s) => (s as FieldNode).name.value);
      if (operation.operation !== row.kind || fields.join() !== op) problems.push(`${op}: the document runs ${operation.operation} ${fields.join()}`);
    }
    expect(problems).toEqual([]);
  });

  it('every cell of every row has an expectation written down', () => {
    const missing: string[] = [];
    for (const [op, row] of Object.entries(MATRIX)) {
      for (const viewer of VIEWERS) {
        for (const scope of row.scopes) {
          try {
            cellFor(row, viewer, scope);
          } catch (error) {
            missing.push(`${op}: ${(error as Error).message}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
