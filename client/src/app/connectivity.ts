import { useSyncExternalStore } from 'react';

/**
 * Whether the app can reach the server, as far as the browser knows (navigator.onLine) and as the
 * last requests showed: a request that failed to reach the server marks the app offline, the next
 * one that gets an answer marks it online again. Screens show cached data while offline and say so.
 */
let reachable = true;
const listeners = new Set<() => void>();
const reconnectListeners = new Set<() => void>();

function online(): boolean {
  return reachable && (typeof navigator === 'undefined' || navigator.onLine !== false);
}

function emit(wasOnline: boolean) {
  for (const l of listeners) l();
  if (!wasOnline && online()) for (const l of reconnectListeners) l();
}

function set(value: boolean) {
  if (reachable === value) return;
  const was = online();
  reachable = value;
  emit(was);
}

/** A request could not reach the server (no network, server gone). */
export function reportUnreachable() {
  set(false);
}

/** A request got an answer from the server. */
export function reportReachable() {
  set(true);
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => emit(true));
  window.addEventListener('online', () => {
    // The browser says the network is back: trust it until a request says otherwise.
    const was = false;
    reachable = true;
    emit(was);
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, online, () => true);
}

/** Called each time the connection comes back after being lost. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
