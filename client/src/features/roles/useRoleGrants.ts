import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { notifyError, notifySuccess } from '../../ui/notify';
import { GRANT_REFETCH, useGrantRole } from './useGrantRole';

const RevokeRoleDocument = graphql(`
  mutation RevokeRole($grantId: ID!) {
    revokeRole(grantId: $grantId)
  }
`);

/** Granting and revoking roles; the lists that show grants refresh afterwards. */
export function useRoleGrants() {
  const { t } = useTranslation();
  const granting = useGrantRole();
  const [revoke, r] = useMutation(RevokeRoleDocument, GRANT_REFETCH);
  return {
    busy: granting.busy || r.loading,
    grant: granting.grant,
    revoke: async (grantId: string, name: string, role: string) => {
      try {
        await revoke({ variables: { grantId } });
        notifySuccess(t('roles.revoked', { name, role: t(`enum.role.${role}`) }));
      } catch (e) {
        notifyError(toUiError(e, t).message);
      }
    },
  };
}
