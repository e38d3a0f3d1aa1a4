import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CreatePersonInput, UpdatePersonInput } from '../../gql/__generated__/graphql';
import { notifyError, notifySuccess } from '../../ui/notify';

const CreatePersonDocument = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      ...PersonForm_person
    }
  }
`);

const UpdatePersonDocument = graphql(`
  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) {
      id
      ...PersonForm_person
    }
  }
`);

const SetPersonActiveDocument = graphql(`
  mutation SetPersonActive($id: ID!, $active: Boolean!) {
    setPersonActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

const ResetPersonPasswordDocument = graphql(`
  mutation ResetPersonPassword($id: ID!, $newPassword: String!) {
    resetPersonPassword(id: $id, newPassword: $newPassword)
  }
`);

/** Create, change, (de)activate and reset people, each with the message an admin needs. */
export function usePersonMutations() {
  const { t } = useTranslation();
  const [create, createState] = useMutation(CreatePersonDocument, { refetchQueries: ['AdminPeople'] });
  const [update, updateState] = useMutation(UpdatePersonDocument, { refetchQueries: ['AdminPeople'] });
  const [setActive] = useMutation(SetPersonActiveDocument, { refetchQueries: ['AdminPeople'] });
  const [reset, resetState] = useMutation(ResetPersonPasswordDocument);

  return {
    saving: createState.loading || updateState.loading,
    resetting: resetState.loading,
    create: async (input: CreatePersonInput): Promise<UiError | null> => {
      try {
        await create({ variables: { input } });
        notifySuccess(t('people.created', { name: input.fullName }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    update: async (id: string, input: UpdatePersonInput, name: string): Promise<UiError | null> => {
      try {
        await update({ variables: { id, input } });
        notifySuccess(t('people.updated', { name }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    setActive: async (id: string, active: boolean, name: string) => {
      try {
        await setActive({ variables: { id, active } });
        notifySuccess(active ? t('people.activated', { name }) : t('people.deactivated', { name }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
    resetPassword: async (id: string, newPassword: string, name: string): Promise<UiError | null> => {
      try {
        await reset({ variables: { id, newPassword } });
        notifySuccess(t('people.passwordReset', { name }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
  };
}
