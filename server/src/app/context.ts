import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Viewer } from '../shared/auth/viewer.js';
import type { Locale } from '../shared/i18n/messages.js';
import { LoaderRegistry } from '../shared/graphql/loaders.js';
import type { AppConfig } from '../shared/config/config.js';

/** Per request: its own EntityManager (identity map), the signed-in viewer, per-request loaders. */
export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: LoaderRegistry;
  locale: Locale;
  config: AppConfig;
  req: Request;
  res: Response;
  /** Token hash of the current session, for sign-out. */
  sessionTokenHash: string | null;
}

export type SignedInContext = Context & { viewer: Viewer };

export function pickLocale(header: string | undefined, viewerLocale?: string | null): Locale {
  if (viewerLocale === 'en' || viewerLocale === 'id') return viewerLocale;
  if (!header) return 'id';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export function newLoaders(em: EntityManager): LoaderRegistry {
  return new LoaderRegistry(em);
}
