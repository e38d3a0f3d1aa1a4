import { useCallback, useSyncExternalStore } from 'react';

// setTimeout waits at most 2^31-1 ms (about 24.8 days); a later instant is waited for in steps.
const LONGEST_TIMEOUT = 2 ** 31 - 1;

/**
 * Whether the clock has reached `instant` (an ISO date-time; none: false). The clock is read as an external
 * store, so rendering stays pure, and the answer turns true by itself when the instant passes while the page is open.
 */
export function useHasPassed(instant: string | null | undefined): boolean {
  const at = instant ? new Date(instant).getTime() : null;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (at === null) return () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wait = () => {
        const left = at - Date.now();
        if (left <= 0) onChange();
        else timer = setTimeout(wait, Math.min(left, LONGEST_TIMEOUT));
      };
      wait();
      return () => clearTimeout(timer);
    },
    [at],
  );
  return useSyncExternalStore(subscribe, () => at !== null && Date.now() >= at);
}
