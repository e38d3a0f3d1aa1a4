import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { GrantRoleInput } from '../../gql/__generated__/graphql';
import { notifyError, notifySuccess } from '../../ui/notify';

const GrantRoleDocument = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      id
      role
    }
  }
`);
const RevokeRoleDocument = graphql(`
  mutation RevokeRole($grantId: ID!) {
    revokeRole(grantId: $grantId)
  }
`);

/** Granting and revoking roles; the lists that show grants refresh afterwards. */
export function useRoleGrants() {
  const { t } = useTranslation();
  const opts = { refetchQueries: ['AdminRoles', 'AdminPeople', 'PlatformAgencies'], awaitRefetchQueries: true };
  const [grant, g] = useMutation(GrantRoleDocument, opts);
  const [revoke, r] = useMutation(RevokeRoleDocument, opts);
  return {
    busy: g.loading || r.loading,
    async grant(input: GrantRoleInput, name: string): Promise<UiError | null> {
      try {
        await grant({ variables: { input } });
        notifySuccess(t('roles.granted', { name, role: t(`enum.role.${input.role}`) }));
        return null;
      } catch (e) {
        return toUiError(e, t);
      }
    },
    async revoke(grantId: string, name: string, role: string) {
      try {
        await revoke({ variables: { grantId } });
        notifySuccess(t('roles.revoked', { name, role: t(`enum.role.${role}`) }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
  };
}
