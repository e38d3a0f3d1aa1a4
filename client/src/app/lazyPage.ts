import { createElement, use, type ComponentType } from 'react';

/** A screen's code could not be downloaded (offline, or the version it belongs to is gone). */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
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
        throw new ChunkLoadError(error);
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
 */
export async function reloadIfNewVersion(): Promise<boolean> {
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
  if (!served || !running || served === running) return false;
  sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  window.location.reload();
  return true;
}

function entryScript(doc: Document): string | null {
  const script = doc.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return script ? new URL(script.getAttribute('src')!, window.location.origin).pathname : null;
}
