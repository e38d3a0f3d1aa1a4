import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { notifyError, notifySuccess } from '../../ui/notify';

// Apart from creating and editing (useCourseAdmin): the course list publishes and archives, and its chunk
// carries only these two documents.
const PublishCourseDocument = graphql(`
  mutation PublishCourse($id: ID!) {
    publishCourse(id: $id) {
      id
      status
      publishedAt
    }
  }
`);
const ArchiveCourseDocument = graphql(`
  mutation ArchiveCourse($id: ID!) {
    archiveCourse(id: $id) {
      id
      status
    }
  }
`);

/** Publishing and archiving a course; the admin list refreshes afterwards. */
export function useCourseStatus() {
  const { t } = useTranslation();
  const refetch = { refetchQueries: ['AdminCourses'] };
  const [publish, p] = useMutation(PublishCourseDocument, refetch);
  const [archive, a] = useMutation(ArchiveCourseDocument, refetch);
  return {
    changingStatus: p.loading || a.loading,
    publish: async (id: string, title: string) => {
      try {
        await publish({ variables: { id } });
        notifySuccess(t('courseAdmin.published', { title }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
    archive: async (id: string, title: string) => {
      try {
        await archive({ variables: { id } });
        notifySuccess(t('courseAdmin.archived', { title }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
  };
}
