import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CreateCourseInput, UpdateCourseInput } from '../../gql/__generated__/graphql';
import { notifyError, notifySuccess } from '../../ui/notify';

const CreateCourseDocument = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      id
      ...CourseForm_course
    }
  }
`);
const UpdateCourseDocument = graphql(`
  mutation UpdateCourse($id: ID!, $input: UpdateCourseInput!) {
    updateCourse(id: $id, input: $input) {
      id
      ...CourseForm_course
    }
  }
`);
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

/** Course administration: each action says what it did, or why not. */
export function useCourseAdmin() {
  const { t } = useTranslation();
  const refetch = { refetchQueries: ['AdminCourses'] };
  const [create, c] = useMutation(CreateCourseDocument, refetch);
  const [update, u] = useMutation(UpdateCourseDocument, refetch);
  const [publish, p] = useMutation(PublishCourseDocument, refetch);
  const [archive, a] = useMutation(ArchiveCourseDocument, refetch);
  return {
    saving: c.loading || u.loading,
    changingStatus: p.loading || a.loading,
    async create(input: CreateCourseInput): Promise<{ id?: string; error?: UiError }> {
      try {
        const { data } = await create({ variables: { input } });
        notifySuccess(t('courseAdmin.created', { title: input.title }));
        return { id: data!.createCourse.id };
      } catch (e) {
        return { error: toUiError(e, t) };
      }
    },
    async update(id: string, input: UpdateCourseInput): Promise<UiError | null> {
      try {
        await update({ variables: { id, input } });
        notifySuccess(t('courseAdmin.saved'));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    async publish(id: string, title: string) {
      try {
        await publish({ variables: { id } });
        notifySuccess(t('courseAdmin.published', { title }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
    async archive(id: string, title: string) {
      try {
        await archive({ variables: { id } });
        notifySuccess(t('courseAdmin.archived', { title }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
  };
}
