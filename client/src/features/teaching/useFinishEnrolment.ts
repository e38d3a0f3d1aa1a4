import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { notifySuccess } from '../../ui/notify';

const CompleteEnrolmentDocument = graphql(`
  mutation CompleteEnrolment($id: ID!, $note: String, $early: Boolean) {
    completeEnrolment(id: $id, note: $note, early: $early) {
      id
      status
      finishedAt
      decisionNote
      creditedMinutes
    }
  }
`);
const FailEnrolmentDocument = graphql(`
  mutation FailEnrolment($id: ID!, $note: String, $early: Boolean) {
    failEnrolment(id: $id, note: $note, early: $early) {
      id
      status
      finishedAt
      decisionNote
    }
  }
`);

/** Records the result of an active participant; completion credits the course's JP. `early` confirms an outcome before the course ends. */
export function useFinishEnrolment() {
  const { t } = useTranslation();
  const opts = { refetchQueries: ['TeachingRoster'] };
  const [complete, c] = useMutation(CompleteEnrolmentDocument, opts);
  const [fail, f] = useMutation(FailEnrolmentDocument, opts);
  return {
    busy: c.loading || f.loading,
    finish: async (kind: 'complete' | 'fail', id: string, note: string, name: string, jp: number, early = false): Promise<UiError | null> => {
      try {
        const variables = { id, note: note.trim() || null, early };
        if (kind === 'complete') {
          await complete({ variables });
          notifySuccess(t('teaching.completedDone', { name, jp }));
        } else {
          await fail({ variables });
          notifySuccess(t('teaching.failedDone', { name }));
        }
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
  };
}
