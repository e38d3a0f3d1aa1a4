import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface ListStatesProps<T> {
  /** Translated message when the query failed; shown only when there is nothing cached to show instead. */
  errorMessage: string | null;
  loading: boolean;
  /** The loaded list (or page); undefined until the first answer. */
  data: T | null | undefined;
  isEmpty: (data: T) => boolean;
  onRetry: () => void;
  skeleton: ReactNode;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The four states every list screen has, in one place: failed (with retry), first load (skeleton,
 * not a spinner), empty (saying what to do next) and loaded. Cached data always wins over the first two.
 */
export function ListStates<T>({ errorMessage, loading, data, isEmpty, onRetry, skeleton, empty, children }: ListStatesProps<T>) {
  if (data == null) {
    if (errorMessage) return <ErrorState message={errorMessage} onRetry={onRetry} />;
    return loading ? <>{skeleton}</> : null;
  }
  return <>{isEmpty(data) ? empty : children(data)}</>;
}
