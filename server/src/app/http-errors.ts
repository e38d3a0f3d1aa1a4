import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { translate } from '../shared/i18n/messages.js';
import { pickLocale } from './context.js';

/**
 * Failures that happen before GraphQL runs (a body too large or not JSON, an unknown path or method,
 * anything express itself throws) answer the same envelope as GraphQL errors: `{ errors: [{ message,
 * extensions: { code } }] }`, translated, with no stack, path or library message, in every mode.
 */
function sendError(res: Response, status: number, code: string, acceptLanguage: string | undefined): void {
  if (res.headersSent) return;
  res.status(status).type('application/json').setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify({ errors: [{ message: translate(code, pickLocale(acceptLanguage)), extensions: { code } }] }));
}

/** body-parser tags its errors with `type`; everything else is known only by its status. */
function classify(error: unknown): { status: number; code: string } {
  const e = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = Number(e.status ?? e.statusCode);
  if (e.type === 'entity.too.large' || status === 413) return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported' || status === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (status === 404) return { status: 404, code: 'NOT_FOUND' };
  if (status === 405) return { status: 405, code: 'METHOD_NOT_ALLOWED' };
  if (Number.isInteger(status) && status >= 400 && status < 500) return { status: 400, code: 'BAD_REQUEST' };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR' };
}

export function notFound(): RequestHandler {
  return (req, res) => sendError(res, 404, 'NOT_FOUND', req.get('accept-language'));
}

/** GraphQL speaks GET and POST only (OPTIONS is a CORS preflight, answered by express itself). */
export function onlyGetAndPost(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'POST') return next();
    res.setHeader('Allow', 'GET, POST');
    sendError(res, 405, 'METHOD_NOT_ALLOWED', req.get('accept-language'));
  };
}

/** A POST to /graphql must be JSON: otherwise express.json() leaves the body unread and Apollo answers in its own words. */
export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) return next();
    sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', req.get('accept-language'));
  };
}

/** The last handler: express' default one would answer an HTML page with the stack in development. */
export function errorEnvelope(log: (e: unknown) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, code } = classify(error);
    if (status === 500) log(error);
    sendError(res, status, code, req.get('accept-language'));
  };
}
