import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { constraintMessages, errorMessages, translate, type Locale } from '../shared/i18n/messages.js';
import { AppError } from '../shared/errors.js';

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

export interface FieldProblem {
  field: string;
  constraint: string;
  message: string;
}

function flattenValidation(errors: ValidationErrorLike[], locale: Locale, prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [constraint, fallback] of Object.entries(e.constraints ?? {})) {
      out.push({ field, constraint, message: constraintMessages[constraint]?.[locale] ?? fallback });
    }
    if (e.children?.length) out.push(...flattenValidation(e.children, locale, field));
  }
  return out;
}

/**
 * Every error leaves the server with a stable `extensions.code` and a message in the viewer's
 * language. Anything unexpected becomes INTERNAL_SERVER_ERROR with no internals (logged instead).
 */
export function makeFormatError(getLocale: () => Locale, log: (e: unknown) => void, opts: { hideSuggestions?: boolean } = {}) {
  // graphql-js appends 'Did you mean "x"?' / 'Did you mean the enum value "X"?' to validation messages,
  // which maps the schema for a caller without introspection.
  const safe = (message: string) => (opts.hideSuggestions ? message.replace(/\s*Did you mean [^?]*\?/g, '') : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const locale = getLocale();
    const original = unwrapResolverError(error) as { extensions?: Record<string, unknown> } | undefined;
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';

    if (original instanceof AppError) {
      return {
        message: translate(original.code, locale, original.params),
        path: formatted.path,
        extensions: { ...original.extensions, code: original.code },
      };
    }
    if (code === 'BAD_USER_INPUT' && Array.isArray(original?.extensions?.validationErrors)) {
      const fields = flattenValidation(original.extensions.validationErrors as ValidationErrorLike[], locale);
      return {
        message: `${translate('BAD_USER_INPUT', locale)} ${fields.map((f) => `${f.field}: ${f.message}`).join(' ')}`.trim(),
        path: formatted.path,
        extensions: { code, fields },
      };
    }
    // Errors raised by GraphQL itself (syntax, unknown field, wrong variable type) are safe to show.
    if (['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE'].includes(code)) {
      return { message: safe(formatted.message), locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    // Apollo's own refusals of a malformed request (no query, blocked as CSRF, batching): our sentence, its detail
    // for the developer who sent it.
    if (code === 'BAD_REQUEST') {
      return { message: translate('BAD_REQUEST', locale), extensions: { code, detail: formatted.message } };
    }
    if (code in errorMessages && code !== 'INTERNAL_SERVER_ERROR') {
      return { message: translate(code, locale), path: formatted.path, extensions: { code } };
    }
    log(error);
    return { message: translate('INTERNAL_SERVER_ERROR', locale), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
