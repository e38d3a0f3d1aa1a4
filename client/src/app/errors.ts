import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { currentLanguage, i18n } from './i18n';

/** An error as the UI shows it: one sentence that says what to do, plus per-field messages. */
export interface UiError {
  code: string;
  message: string;
  /** Field path (e.g. "input.nip" or "nip") → message to show under that input. */
  fields: Record<string, string>;
}

interface FieldProblem {
  field: string;
  constraint?: string;
  message: string;
}

function fieldName(path: string): string {
  // Validation paths look like "input.nip"; forms name their inputs "nip".
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}

/**
 * Maps a GraphQL error to text in the UI language, by its stable `extensions.code`. When the
 * client has no wording for a code (or lacks a parameter it needs), the server's message is
 * used: it is already translated, because every request carries the UI language.
 */
export function toUiError(error: unknown, t: TFunction): UiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const params = (first?.extensions?.params ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const e of error.errors) {
      const problems = e.extensions?.fields as FieldProblem[] | undefined;
      if (Array.isArray(problems)) {
        for (const p of problems) {
          const key = fieldName(p.field);
          const local = p.constraint ? t(`errors.constraint.${p.constraint}`, { defaultValue: '' }) : '';
          fields[key] ??= local || p.message;
        }
      }
      const field = e.extensions?.field;
      if (typeof field === 'string') {
        const code = String(e.extensions?.code ?? '');
        const params = (e.extensions?.params ?? {}) as Record<string, unknown>;
        fields[fieldName(field)] ??= code && code !== 'BAD_USER_INPUT' ? messageFor(code, params, e.message, t) : e.message;
      }
    }
    return { code, message: messageFor(code, params, first?.message, t), fields };
  }
  if (ServerError.is(error)) {
    return { code: 'NETWORK', message: t('errors.SERVER_UNAVAILABLE'), fields: {} };
  }
  return { code: 'NETWORK', message: t('errors.NETWORK'), fields: {} };
}

function messageFor(code: string, params: Record<string, unknown>, serverMessage: string | undefined, t: TFunction): string {
  const key = `errors.${code}`;
  const template = i18n.getResource(currentLanguage(), 'translation', key) as unknown;
  if (typeof template !== 'string') return serverMessage ?? t('errors.INTERNAL_SERVER_ERROR');
  const needed = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
  if (needed.some((name) => params[name] === undefined)) return serverMessage ?? template;
  return t(key, params);
}

/** The code of a GraphQL error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return undefined;
}
