import { createElement, use, type ComponentType } from 'react';

/** A screen's code could not be downloaded (offline, or the version it belongs to is gone). */
export class ChunkLoadError extends Error {
  /**
   * @param attempt how many times this screen's download has failed in this document (1 the first time). A retry
   * that fails again while the browser is online may not have asked the server at all: Chromium (150 at least)
   * keeps a failed module in the document's module map and answers every later import of it with the same error.
   */
  constructor(cause: unknown, readonly attempt = 1) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
  }
}

export function isChunkLoadError(error: unknown): error is ChunkLoadError {
  return error instanceof ChunkLoadError;
}

/** Forgets failed downloads, so the screens that failed download their code again when next shown. */
const forgetFailures = new Set<() => void>();
export function retryFailedPages() {
  for (const forget of forgetFailures) forget();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen component, whatever its props
type Screen = ComponentType<any>;

/**
 * Like React.lazy, but a failed download is not kept forever: React.lazy remembers the rejected
 * promise, so a screen that failed once offline could never load again without a full reload. Here
 * the failure stays (so the error boundary shows it, instead of React retrying in a loop) until
 * retryFailedPages() is called, by the error screen's "Coba lagi" or when the connection returns.
 */
export function lazyPage(load: () => Promise<{ default: Screen }>): ComponentType & { preload: () => Promise<unknown> } {
  let loaded: Screen | null = null;
  let pending: Promise<Screen> | null = null;
  let failures = 0;
  function LazyPage(props: object) {
    if (loaded) return createElement(loaded, props);
    return createElement(use(start()), props);
  }
  /** Downloads the screen now; once it is here the screen renders at once, without suspending. */
  LazyPage.preload = () => start();
  function start(): Promise<Screen> {
    return (pending ??= load().then(
      (module) => {
        loaded = module.default;
        forgetReload();
        return module.default;
      },
      (error: unknown) => {
        const failed = pending;
        forgetFailures.add(function forget() {
          if (pending === failed) pending = null;
          forgetFailures.delete(forget);
        });
        throw new ChunkLoadError(error, ++failures);
      },
    ));
  }
  return LazyPage;
}

const RELOADED_KEY = 'lentera.reloadedForNewVersion';

function forgetReload() {
  try {
    sessionStorage.removeItem(RELOADED_KEY);
  } catch {
    // Storage can be unavailable (private mode): then no reload is ever attempted.
  }
}

/**
 * After a deploy, the old version's chunks are gone from the server while this tab still runs the
 * old entry. If the server answers and serves a different entry script than the one running, load
 * the new version: once per tab, remembered in sessionStorage, so a chunk that keeps failing can
 * never cause a reload loop (the flag is cleared when a screen's code loads again). Answers whether
 * a reload was started.
 *
 * `retriedChunk`: a screen's code failed again on a retry while the browser is online. The browser may be
 * answering from its module map, where the failure of the first (offline) attempt stays for the document's
 * life. When the server does serve that file now, only a new document downloads it again, so the tab reloads
 * even if its version is the one running (at most once in ten minutes: a file that fails to evaluate would
 * otherwise reload forever). A file the server does not have is a deploy's problem, handled above.
 */
export async function reloadIfNewVersion({ retriedChunk }: { retriedChunk?: ChunkLoadError } = {}): Promise<boolean> {
  let alreadyReloaded = true;
  try {
    alreadyReloaded = sessionStorage.getItem(RELOADED_KEY) !== null;
  } catch {
    return false;
  }
  if (alreadyReloaded) return false;
  let html: string;
  try {
    const response = await fetch('/', { cache: 'no-store', headers: { accept: 'text/html' } });
    if (!response.ok) return false;
    html = await response.text();
  } catch {
    return false; // Not reachable: an offline problem, not a new version.
  }
  const served = entryScript(new DOMParser().parseFromString(html, 'text/html'));
  const running = entryScript(document);
  if (!served || !running) return false;
  if (served === running) return retriedChunk ? reloadIfServedNow(retriedChunk) : false;
  sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  window.location.reload();
  return true;
}

const RELOADED_FOR_CACHED_FAILURE_KEY = 'lentera.reloadedForCachedFailure';

async function reloadIfServedNow(error: ChunkLoadError): Promise<boolean> {
  // The browser's message names the module it could not import ("Failed to fetch dynamically imported module: <url>").
  const url = /https?:\/\/\S+?\.js\b/.exec(error.message)?.[0];
  if (!url || new URL(url).origin !== window.location.origin) return false;
  const last = Number(sessionStorage.getItem(RELOADED_FOR_CACHED_FAILURE_KEY) ?? 0);
  if (Date.now() - last < 10 * 60_000) return false;
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    if (!response.ok) return false;
  } catch {
    return false;
  }
  sessionStorage.setItem(RELOADED_FOR_CACHED_FAILURE_KEY, String(Date.now()));
  window.location.reload();
  return true;
}

function entryScript(doc: Document): string | null {
  const script = doc.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return script ? new URL(script.getAttribute('src')!, window.location.origin).pathname : null;
}
