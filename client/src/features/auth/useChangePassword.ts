import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';

const ChangeMyPasswordDocument = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input)
  }
`);

/**
 * Sets the signed-in person's new password. The server ends their other sessions and keeps this
 * one, so nothing cached needs to change. Resolves to null on success, or the error to show.
 */
export function useChangePassword() {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(ChangeMyPasswordDocument);
  async function change(currentPassword: string, newPassword: string): Promise<UiError | null> {
    try {
      await mutate({ variables: { input: { currentPassword, newPassword } } });
      return null;
    } catch (e) {
      return toUiError(e, t);
    }
  }
  return { change, loading };
}
