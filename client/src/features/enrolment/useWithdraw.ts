import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { notifyError, notifySuccess } from '../../ui/notify';

// Its own module (not beside useEnrol): "Pendaftaran saya" withdraws but never enrols, so its chunk does not carry Enrol.
const WithdrawDocument = graphql(`
  mutation WithdrawEnrolment($id: ID!) {
    withdrawEnrolment(id: $id) {
      id
      ...EnrolmentState_enrolment
    }
  }
`);

/** Withdraws the viewer from a course; a freed seat goes to the first person on the waiting list. */
export function useWithdraw() {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(WithdrawDocument, { refetchQueries: ['CourseDetail', 'MyEnrolments'], awaitRefetchQueries: true });
  async function withdraw(id: string, title: string): Promise<boolean> {
    try {
      await mutate({ variables: { id } });
      notifySuccess(t('enrolment.withdraw.done', { title }));
      return true;
    } catch (error) {
      notifyError(toUiError(error, t).message, t('enrolment.withdraw.failedTitle'));
      return false;
    }
  }
  return { withdraw, loading };
}
