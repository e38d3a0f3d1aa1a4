import { AppError } from '../errors.js';
import { isUuid } from '../util/ids.js';

/**
 * The one codec for keyset cursors: the sort key of a page's last row, as base64url JSON (opaque to
 * clients). A list declares the kinds of its key once (`keysetCursor('text', 'uuid')`) and both encodes
 * and decodes through that; a cursor that is not of that shape, in any way, is refused with
 * INVALID_CURSOR on `after` before any SQL runs, so a forged cursor is never a database error.
 *
 * Decoded values are strings (bind them with a cast where the column needs one: `?::timestamptz`).
 */
export type CursorKind =
  /** Text sort keys (names, titles): at most 400 characters, no NUL (PostgreSQL refuses those). */
  | 'text'
  | 'uuid'
  /** An instant as ISO 8601, as PostgreSQL or `Date#toISOString` writes it. */
  | 'timestamp'
  /** A calendar date, YYYY-MM-DD. */
  | 'date'
  /** A whole number within int8 (scores, microseconds). */
  | 'int';

export type CursorValue = string | number | bigint | Date;

export interface KeysetCursor<K extends readonly CursorKind[]> {
  readonly kinds: K;
  /** The cursor for a row whose sort key is `values` (one per kind, in order). */
  encode(values: { [I in keyof K]: CursorValue }): string;
  /** No cursor (first page): null. A cursor of another shape: AppError INVALID_CURSOR on `after`. */
  decode(after: string | null | undefined): { -readonly [I in keyof K]: string } | null;
}

const MAX_CURSOR_LENGTH = 2048;
const MAX_TEXT_LENGTH = 400;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT8 = /^-?\d{1,19}$/;

const checks: Record<CursorKind, (value: string) => boolean> = {
  text: (v) => v.length <= MAX_TEXT_LENGTH && !v.includes('\u0000'),
  uuid: (v) => isUuid(v),
  // PostgreSQL writes a whole-hour offset as `+00`, which Date.parse refuses without its minutes.
  timestamp: (v) => TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))),
  date: (v) => DATE.test(v) && !Number.isNaN(Date.parse(v)),
  int: (v) => INT8.test(v) && BigInt(v) <= 9223372036854775807n && BigInt(v) >= -9223372036854775808n,
};

const invalid = () => new AppError('INVALID_CURSOR', {}, 'after');

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return null;
}

/** The codec of a list whose sort key has these kinds (declare it once, next to the list's query). */
export function keysetCursor<const K extends readonly CursorKind[]>(...kinds: K): KeysetCursor<K> {
  return {
    kinds,
    encode(values) {
      const strings = (values as readonly CursorValue[]).map((value, i) => {
        const text = asString(value);
        // Our own rows: a value that does not fit its kind is a programming error, not a client's.
        if (text === null || !checks[kinds[i]](text)) throw new Error(`keysetCursor: value ${i} is not a ${kinds[i]}`);
        return text;
      });
      if (strings.length !== kinds.length) throw new Error(`keysetCursor: ${strings.length} values for ${kinds.length} kinds`);
      return encodeCursor(strings);
    },
    decode(after) {
      const values = decodeCursor(after, kinds.length);
      if (!values) return null;
      const strings = values.map((value, i) => {
        // Numbers are accepted for `int` only (a JSON number in another position is forged).
        const text = typeof value === 'number' && kinds[i] !== 'int' ? null : asString(value);
        if (text === null || !checks[kinds[i]](text)) throw invalid();
        return text;
      });
      return strings as { -readonly [I in keyof K]: string };
    },
  };
}

/** Cursor of the lists ordered by a name and then the id (agencies, partners, people). */
export const nameIdCursor = keysetCursor('text', 'uuid');

/** The wire format; lists use `keysetCursor(…)`, which checks each value's kind. */
function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The wire format's shape only (arity, strings or numbers); `keysetCursor(…).decode` checks the kinds. */
function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (cursor == null || cursor === '') return null;
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (Array.isArray(values) && values.length === arity && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
    return values as unknown[];
  }
  throw invalid();
}
