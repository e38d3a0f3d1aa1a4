import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Viewer } from '../shared/auth/viewer.js';
import type { Locale } from '../shared/i18n/messages.js';
import { LoaderRegistry } from '../shared/graphql/loaders.js';
import type { AppConfig } from '../shared/config/config.js';

/**
 * What every operation runs with, whoever started it: an HTTP request, a background job, or (later) a
 * WebSocket subscription. Services take it first, so one service function serves all three.
 * Its own EntityManager (identity map), the viewer (null for anonymous requests and system jobs),
 * the language answers and mails are written in, and per-operation loaders.
 */
export interface OperationContext {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: LoaderRegistry;
  locale: Locale;
  config: AppConfig;
}

/** @public What services that need a signed-in viewer take first (issue 6's shared contract). */
export type SignedInOperationContext = OperationContext & { viewer: Viewer };

/** An operation that came over HTTP: it can read the request and set cookies. */
export interface Context extends OperationContext {
  req: Request;
  res: Response;
  /** Token hash of the current session, for sign-out. */
  sessionTokenHash: string | null;
}

export type SignedInContext = Context & { viewer: Viewer };

/**
 * The one way to build an operation's context. `em` must be a fork (its own identity map); HTTP adds
 * the request on top, jobs use it as is.
 */
export function createOperationContext(fields: {
  em: EntityManager;
  viewer: Viewer | null;
  locale: Locale;
  config: AppConfig;
}): OperationContext {
  return { em: fields.em, viewer: fields.viewer, locale: fields.locale, config: fields.config, loaders: newLoaders(fields.em) };
}

export function pickLocale(header: string | undefined, viewerLocale?: string | null): Locale {
  if (viewerLocale === 'en' || viewerLocale === 'id') return viewerLocale;
  if (!header) return 'id';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

function newLoaders(em: EntityManager): LoaderRegistry {
  return new LoaderRegistry(em);
}
