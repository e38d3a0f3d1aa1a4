import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { AppError } from '../errors.js';
import { isUuid } from '../util/ids.js';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

/** `first` and `after` for any list; lists never return more than 100 items at once. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/**
 * The total is a number, or a function that counts when the client selects `totalCount` (counting
 * every matching row is often the dearest part of a page, and many screens never show it).
 */
export type TotalCount = number | (() => Promise<number>);

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: TotalCount;
}

/** A connection type for a node type: `{ nodes, pageInfo, totalCount }`. Name it e.g. "CoursePage". */
export function PageOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(name)
  class PageClass {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // `simple`: GraphQL's default resolver, which calls a function value (a lazy count).
    @Field(() => Int, { description: 'All items matching the filters, across pages', simple: true })
    totalCount!: TotalCount;
  }
  return PageClass;
}

/**
 * Keyset cursors: the values of the sort key of the last row, base64url-encoded JSON. Opaque to
 * clients; decoding a cursor that was tampered with is INVALID_CURSOR, never a SQL error.
 */
function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values as unknown[];
    }
  } catch {
    // fall through
  }
  throw new AppError('INVALID_CURSOR', {}, 'after');
}

/** Fetch `first + 1` rows, then call this: trims the extra row and builds pageInfo. */
export function toPage<R, T>(rows: R[], first: number, totalCount: TotalCount, map: (row: R) => T, cursorOf: (row: R) => unknown[]): Page<T> {
  const hasNextPage = rows.length > first;
  const pageRows = hasNextPage ? rows.slice(0, first) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    nodes: pageRows.map(map),
    pageInfo: { endCursor: last ? encodeCursor(cursorOf(last)) : null, hasNextPage },
    totalCount,
  };
}

/** Keyset cursor over (name, id): both must be strings and the id a UUID, or it is INVALID_CURSOR. */
export function decodeNameIdCursor(after: string | null | undefined): [string, string] | null {
  const values = decodeCursor(after, 2);
  if (!values) return null;
  const [name, id] = values;
  if (typeof name !== 'string' || !isUuid(id)) throw new AppError('INVALID_CURSOR', {}, 'after');
  return [name, id];
}
