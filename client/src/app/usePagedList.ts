import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';

/** What every paginated list of the API answers (`…Page`). */
export interface Page {
  nodes: readonly unknown[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
  totalCount?: number | null;
}

interface PagedListOptions<TData, TVariables, TPage> {
  /** The query's variables for the first page (`after` is the cursor this hook moves). */
  variables: TVariables;
  skip?: boolean;
  /** Where the list sits in the answer, e.g. `(d) => d.catalogue`. */
  page: (data: TData) => TPage | null | undefined;
}

/**
 * The one way a screen shows a paginated list: the query, its page, and "Muat lebih banyak". The next page is
 * fetched with `after` = the last cursor and joined to the list by the cache's field policy (app/pagedLists.ts),
 * so screens write no merging of their own. `more` is what `<LoadMore>` takes.
 */
export function usePagedList<TData, TVariables extends OperationVariables & { after?: string | null }, TPage extends Page>(
  document: TypedDocumentNode<TData, TVariables>,
  { variables, skip, page: select }: PagedListOptions<TData, TVariables, TPage>,
) {
  // useQuery's options type depends on whether the variables are required; this hook always passes them.
  const result = useQuery(document as TypedDocumentNode<TData, OperationVariables>, { variables, skip });
  const [loadingMore, setLoadingMore] = useState(false);
  const inFlight = useRef(false);
  const page = result.data ? (select(result.data) ?? undefined) : undefined;

  async function loadMore() {
    const after = page?.pageInfo.endCursor;
    if (!after || !page?.pageInfo.hasNextPage || inFlight.current) return;
    inFlight.current = true;
    setLoadingMore(true);
    try {
      await result.fetchMore({ variables: { after } });
    } finally {
      inFlight.current = false;
      setLoadingMore(false);
    }
  }

  return {
    data: result.data,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
    page,
    loadMore,
    loadingMore,
    more: {
      shown: page?.nodes.length ?? 0,
      total: page?.totalCount,
      hasMore: !!page?.pageInfo.hasNextPage,
      loading: loadingMore,
      onLoad: () => void loadMore(),
    },
  };
}
