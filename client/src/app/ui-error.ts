import type { TFunction } from 'i18next';
import { currentLanguage, i18n } from './i18n';

/**
 * Errors as the UI shows them, without Apollo: the sign-in page (which loads no Apollo) and Apollo's
 * error mapping (errors.ts) both build on this.
 */

/** An error as the UI shows it: one sentence that says what to do, plus per-field messages. */
export interface UiError {
  code: string;
  message: string;
  /** Field path (e.g. "input.nip" or "nip") → message to show under that input. */
  fields: Record<string, string>;
}

/** What the server sends for one GraphQL error (the JSON envelope's `errors[i]`). */
export interface GraphQLErrorJson {
  message: string;
  extensions?: Record<string, unknown>;
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

/** The error's stable code; the server always sends one as a string. */
function codeOf(error: GraphQLErrorJson | undefined): string | undefined {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Maps GraphQL errors to text in the UI language, by their stable `extensions.code`. When the
 * client has no wording for a code (or lacks a parameter it needs), the server's message is
 * used: it is already translated, because every request carries the UI language.
 */
export function uiErrorFromGraphQL(errors: readonly GraphQLErrorJson[], t: TFunction): UiError {
  const first = errors[0];
  const code = codeOf(first) ?? 'INTERNAL_SERVER_ERROR';
  const params = (first?.extensions?.params ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const e of errors) {
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
      const code = codeOf(e);
      const params = (e.extensions?.params ?? {}) as Record<string, unknown>;
      fields[fieldName(field)] ??= code && code !== 'BAD_USER_INPUT' ? messageFor(code, params, e.message, t) : e.message;
    }
  }
  return { code, message: messageFor(code, params, first?.message, t), fields };
}

/** No usable answer: `serverAnswered` when the server answered but not with GraphQL (e.g. a proxy's 502). */
export function networkUiError(t: TFunction, serverAnswered: boolean): UiError {
  return { code: 'NETWORK', message: t(serverAnswered ? 'errors.SERVER_UNAVAILABLE' : 'errors.NETWORK'), fields: {} };
}

function messageFor(code: string, params: Record<string, unknown>, serverMessage: string | undefined, t: TFunction): string {
  const key = `errors.${code}`;
  const template = i18n.getResource(currentLanguage(), 'translation', key) as unknown;
  if (typeof template !== 'string') return serverMessage ?? t('errors.INTERNAL_SERVER_ERROR');
  const needed = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
  if (needed.some((name) => params[name] === undefined)) return serverMessage ?? template;
  return t(key, params);
}
