import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CreateRunSeriesInput, UpdateRunSeriesInput } from '../../gql/__generated__/graphql';
import { notifyError, notifySuccess } from '../../ui/notify';

const CreateRunSeriesDocument = graphql(`
  mutation CreateRunSeries($input: CreateRunSeriesInput!) {
    createRunSeries(input: $input) {
      id
    }
  }
`);
const UpdateRunSeriesDocument = graphql(`
  mutation UpdateRunSeries($id: ID!, $input: UpdateRunSeriesInput!) {
    updateRunSeries(id: $id, input: $input) {
      id
      ...SeriesForm_series
    }
  }
`);
const CancelSeriesOccurrenceDocument = graphql(`
  mutation CancelSeriesOccurrence($runId: ID!, $reason: String!) {
    cancelSeriesOccurrence(runId: $runId, reason: $reason) {
      runId
      status
      cancellationReason
    }
  }
`);

/** Creating and changing a workshop's recurring forums and cancelling one occurrence; the screen's lists refresh afterwards. */
export function useSeriesAdmin() {
  const { t } = useTranslation();
  const refetch = { refetchQueries: ['AdminWorkshopSeries', 'SeriesOccurrences'], awaitRefetchQueries: true };
  const [create, c] = useMutation(CreateRunSeriesDocument, refetch);
  const [update, u] = useMutation(UpdateRunSeriesDocument, refetch);
  const [cancel, x] = useMutation(CancelSeriesOccurrenceDocument, refetch);
  return {
    saving: c.loading || u.loading,
    cancelling: x.loading,
    create: async (input: CreateRunSeriesInput): Promise<UiError | null> => {
      try {
        await create({ variables: { input } });
        notifySuccess(t('series.created'));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    update: async (id: string, input: UpdateRunSeriesInput): Promise<UiError | null> => {
      try {
        await update({ variables: { id, input } });
        notifySuccess(t('series.saved'));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    cancel: async (runId: string, code: string, reason: string): Promise<boolean> => {
      try {
        await cancel({ variables: { runId, reason } });
        notifySuccess(t('series.cancelled', { code }));
        return true;
      } catch (e) {
        notifyError(toUiError(e, t).message);
        return false;
      }
    },
  };
}
