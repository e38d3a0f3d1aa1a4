import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { notifyError, notifySuccess } from '../../ui/notify';

const ApproveDocument = graphql(`
  mutation ApproveEnrolment($id: ID!) {
    approveEnrolment(id: $id) {
      id
      status
      waitlistPosition
    }
  }
`);

const RejectDocument = graphql(`
  mutation RejectEnrolment($id: ID!, $reason: String!) {
    rejectEnrolment(id: $id, reason: $reason) {
      id
      status
      decisionNote
    }
  }
`);

/** Approve and reject, each saying what happened to the learner. */
export function useDecide() {
  const { t } = useTranslation();
  const [approveMutation, approveState] = useMutation(ApproveDocument, { refetchQueries: ['ApprovalsInbox'], awaitRefetchQueries: true });
  const [rejectMutation, rejectState] = useMutation(RejectDocument, { refetchQueries: ['ApprovalsInbox'], awaitRefetchQueries: true });

  async function approve(id: string, learner: string, course: string): Promise<boolean> {
    try {
      const { data } = await approveMutation({ variables: { id } });
      const e = data!.approveEnrolment;
      if (e.status === 'WAITLISTED') notifySuccess(t('approvals.approvedWaitlisted', { name: learner, course, position: e.waitlistPosition ?? '–' }), t('approvals.approvedTitle'));
      else notifySuccess(t('approvals.approved', { name: learner, course }), t('approvals.approvedTitle'));
      return true;
    } catch (error) {
      notifyError(toUiError(error, t).message, t('approvals.failedTitle'));
      return false;
    }
  }

  async function reject(id: string, reason: string, learner: string): Promise<UiError | null> {
    try {
      await rejectMutation({ variables: { id, reason: reason.trim() } });
      notifySuccess(t('approvals.rejected', { name: learner }), t('approvals.rejectedTitle'));
      return null;
    } catch (error) {
      return toUiError(error, t);
    }
  }

  return { approve, reject, approving: approveState.loading, rejecting: rejectState.loading };
}
