import { gql, InMemoryCache } from '@apollo/client';
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PAGED_FIELDS, pagedListPolicies } from './pagedLists';

/** The cache's field policies for paginated lists: what "Muat lebih banyak" shows depends on them alone. */

const PEOPLE = gql`
  query People($search: String, $first: Int!, $after: String) {
    people(search: $search, first: $first, after: $after) {
      nodes {
        id
        fullName
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

const person = (id: string) => ({ __typename: 'Person', id, fullName: `Orang ${id}` });
const page = (ids: string[], endCursor: string | null, hasNextPage: boolean, totalCount = 5) => ({
  people: { __typename: 'PersonPage', nodes: ids.map(person), pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage }, totalCount },
});

function cache() {
  return new InMemoryCache({ typePolicies: pagedListPolicies });
}
function ids(c: InMemoryCache, variables: Record<string, unknown>) {
  const data = c.readQuery<ReturnType<typeof page>>({ query: PEOPLE, variables: { after: null, ...variables } });
  return data?.people.nodes.map((n) => n.id);
}

describe('paginated lists in the Apollo cache', () => {
  it('a page loaded with a cursor joins the list, without repeating a row already there', () => {
    const c = cache();
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 2, after: null }, data: page(['1', '2'], 'c2', true) });
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 2, after: 'c2' }, data: page(['2', '3'], 'c3', true) });
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 2, after: 'c3' }, data: page(['4', '5'], 'c5', false) });
    expect(ids(c, { search: 'budi', first: 2 })).toEqual(['1', '2', '3', '4', '5']);
    const read = c.readQuery<ReturnType<typeof page>>({ query: PEOPLE, variables: { search: 'budi', first: 2, after: null } });
    expect(read?.people.pageInfo).toEqual({ __typename: 'PageInfo', endCursor: 'c5', hasNextPage: false });
  });

  it('other filters (and another page size) are another list; a first page again starts the list over', () => {
    const c = cache();
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 2, after: null }, data: page(['1', '2'], 'c2', true) });
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 2, after: 'c2' }, data: page(['3', '4'], 'c4', true) });
    c.writeQuery({ query: PEOPLE, variables: { search: 'sari', first: 2, after: null }, data: page(['7', '8'], 'c8', true) });
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 10, after: null }, data: page(['1'], 'c1', false) });
    expect(ids(c, { search: 'budi', first: 2 })).toEqual(['1', '2', '3', '4']);
    expect(ids(c, { search: 'sari', first: 2 })).toEqual(['7', '8']);
    expect(ids(c, { search: 'budi', first: 10 })).toEqual(['1']);
    // A refetch (or a mutation's refetchQueries) answers the first page: what the server says now wins.
    c.writeQuery({ query: PEOPLE, variables: { search: 'budi', first: 2, after: null }, data: page(['9', '1'], 'c1', true) });
    expect(ids(c, { search: 'budi', first: 2 })).toEqual(['9', '1']);
  });

  it('cover every paginated field of the schema, and only fields that exist', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const paginated: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const returnsPage = getNamedType(field.type).name.endsWith('Page');
        if (returnsPage && field.args.some((a) => a.name === 'after')) paginated.push(`${type.name}.${field.name}`);
      }
    }
    const configured = Object.entries(PAGED_FIELDS).flatMap(([type, fields]) => fields.map((f) => `${type}.${f}`));
    expect(configured.sort()).toEqual(paginated.sort());
  });
});
