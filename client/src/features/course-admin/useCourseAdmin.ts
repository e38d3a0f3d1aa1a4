import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CreateCourseInput, UpdateCourseInput } from '../../gql/__generated__/graphql';
import { notifySuccess } from '../../ui/notify';
import { useCourseStatus } from './useCourseStatus';

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

/** Course administration: each action says what it did, or why not. */
export function useCourseAdmin() {
  const { t } = useTranslation();
  const refetch = { refetchQueries: ['AdminCourses'] };
  const [create, c] = useMutation(CreateCourseDocument, refetch);
  const [update, u] = useMutation(UpdateCourseDocument, refetch);
  const status = useCourseStatus();
  return {
    ...status,
    saving: c.loading || u.loading,
    create: async (input: CreateCourseInput): Promise<{ id?: string; error?: UiError }> => {
      try {
        const { data } = await create({ variables: { input } });
        notifySuccess(t('courseAdmin.created', { title: input.title }));
        return { id: data!.createCourse.id };
      } catch (e) {
        return { error: toUiError(e, t) };
      }
    },
    update: async (id: string, input: UpdateCourseInput): Promise<UiError | null> => {
      try {
        await update({ variables: { id, input } });
        notifySuccess(t('courseAdmin.saved'));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
  };
}
