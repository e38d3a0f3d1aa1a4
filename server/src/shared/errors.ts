import { GraphQLError } from 'graphql';

/**
 * An expected failure with a stable code (see shared/i18n/messages.ts). Thrown from services;
 * format-error translates the message for the viewer and strips internals.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    field?: string,
  ) {
    super(code, { extensions: { code, ...(field ? { field } : {}), ...(Object.keys(params).length ? { params } : {}) } });
  }
}

export const badInput = (field: string, reason: string) => new AppError('BAD_USER_INPUT', { reason }, field);

/** PostgreSQL unique violation on a named constraint → the caller's stable code. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.cause?.code;
  const name = e?.constraint ?? e?.cause?.constraint;
  return code === '23505' && (!constraint || name === constraint || (typeof name === 'string' && name.includes(constraint)));
}

/**
 * type-graphql validates with skipMissingProperties, so `null` slips past class-validator. For update
 * inputs where null would mean "clear" a field that cannot be empty, refuse it here instead.
 */
export function rejectNulls<T extends object>(input: T, fields: (keyof T & string)[]): void {
  for (const field of fields) {
    if (input[field] === null) throw new AppError('BAD_USER_INPUT', { reason: 'cannot be empty' }, field);
  }
}
