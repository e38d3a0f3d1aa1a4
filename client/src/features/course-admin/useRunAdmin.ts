import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CreateCourseRunInput, UpdateCourseRunInput } from '../../gql/__generated__/graphql';
import { notifyError, notifySuccess } from '../../ui/notify';

const CreateCourseRunDocument = graphql(`
  mutation CreateCourseRun($input: CreateCourseRunInput!) {
    createCourseRun(input: $input) {
      id
      ...RunForm_run
    }
  }
`);
const UpdateCourseRunDocument = graphql(`
  mutation UpdateCourseRun($id: ID!, $input: UpdateCourseRunInput!) {
    updateCourseRun(id: $id, input: $input) {
      id
      ...RunForm_run
    }
  }
`);
const CancelCourseRunDocument = graphql(`
  mutation CancelCourseRun($id: ID!) {
    cancelCourseRun(id: $id) {
      id
      status
      seatsTaken
      waitlistLength
      enrolmentClosedReason
    }
  }
`);

/** Scheduling, changing and cancelling a course's runs (angkatan); the course's run list refreshes afterwards. */
export function useRunAdmin() {
  const { t } = useTranslation();
  const refetch = { refetchQueries: ['AdminCourseRuns'], awaitRefetchQueries: true };
  const [create, c] = useMutation(CreateCourseRunDocument, refetch);
  const [update, u] = useMutation(UpdateCourseRunDocument, refetch);
  const [cancel, x] = useMutation(CancelCourseRunDocument, refetch);
  return {
    saving: c.loading || u.loading,
    cancelling: x.loading,
    create: async (input: CreateCourseRunInput): Promise<UiError | null> => {
      try {
        await create({ variables: { input } });
        notifySuccess(t('runAdmin.created', { code: input.code }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    update: async (id: string, code: string, input: UpdateCourseRunInput): Promise<UiError | null> => {
      try {
        await update({ variables: { id, input } });
        notifySuccess(t('runAdmin.saved', { code }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    cancel: async (id: string, code: string): Promise<boolean> => {
      try {
        await cancel({ variables: { id } });
        notifySuccess(t('runAdmin.cancelled', { code }));
        return true;
      } catch (e) {
        notifyError(toUiError(e, t).message);
        return false;
      }
    },
  };
}
