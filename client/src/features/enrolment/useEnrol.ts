import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { EnrolmentState_EnrolmentFragment } from '../../gql/__generated__/graphql';
import { notifyError, notifySuccess } from '../../ui/notify';

const EnrolDocument = graphql(`
  mutation Enrol($runId: ID!) {
    enrol(runId: $runId) {
      id
      ...EnrolmentState_enrolment
    }
  }
`);

/** Enrols the viewer in one run (angkatan) and says plainly what happened: enrolled, waiting for approval, or waitlisted. */
export function useEnrol(courseTitle: string) {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(EnrolDocument, { refetchQueries: ['CourseDetail'], awaitRefetchQueries: true });
  async function enrol(runId: string): Promise<{ enrolment?: EnrolmentState_EnrolmentFragment; error?: UiError }> {
    try {
      const { data } = await mutate({ variables: { runId } });
      const e = data!.enrol;
      if (e.status === 'ACTIVE') notifySuccess(t('enrolment.outcome.active', { title: courseTitle }), t('enrolment.outcome.activeTitle'));
      else if (e.status === 'REQUESTED') notifySuccess(t('enrolment.outcome.requested', { name: e.approverName ?? t('enrolment.yourSupervisor') }), t('enrolment.outcome.requestedTitle'));
      else if (e.status === 'WAITLISTED') notifySuccess(t('enrolment.outcome.waitlisted', { position: e.waitlistPosition ?? '–' }), t('enrolment.outcome.waitlistedTitle'));
      return { enrolment: e };
    } catch (error) {
      const ui = toUiError(error, t);
      notifyError(ui.message, t('enrolment.outcome.failedTitle'));
      return { error: ui };
    }
  }
  return { enrol, loading };
}
