import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { GrantRoleInput } from '../../gql/__generated__/graphql';
import { notifySuccess } from '../../ui/notify';

// Apart from revoking (useRoleGrants): the agencies screen only grants, and its chunk carries only this document.
const GrantRoleDocument = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      id
      role
    }
  }
`);
/** The lists that show grants, refreshed after a grant or a revocation. */
export const GRANT_REFETCH = { refetchQueries: ['AdminRoles', 'AdminPeople', 'PlatformAgencies'], awaitRefetchQueries: true };

/** Granting a role; says what was granted, or why not. */
export function useGrantRole() {
  const { t } = useTranslation();
  const [grant, g] = useMutation(GrantRoleDocument, GRANT_REFETCH);
  return {
    busy: g.loading,
    grant: async (input: GrantRoleInput, name: string): Promise<UiError | null> => {
      try {
        await grant({ variables: { input } });
        notifySuccess(t('roles.granted', { name, role: t(`enum.role.${input.role}`) }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
  };
}
