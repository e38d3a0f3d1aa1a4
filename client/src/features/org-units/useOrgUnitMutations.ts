import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { notifySuccess } from '../../ui/notify';

const CreateOrgUnitDocument = graphql(`
  mutation CreateOrgUnit($input: CreateOrgUnitInput!) {
    createOrgUnit(input: $input) {
      id
      name
    }
  }
`);
const RenameOrgUnitDocument = graphql(`
  mutation RenameOrgUnit($id: ID!, $name: String!) {
    renameOrgUnit(id: $id, name: $name) {
      id
      name
    }
  }
`);
const MoveOrgUnitDocument = graphql(`
  mutation MoveOrgUnit($id: ID!, $parentId: ID) {
    moveOrgUnit(id: $id, parentId: $parentId) {
      id
      parentId
      depth
      path
    }
  }
`);
const DeleteOrgUnitDocument = graphql(`
  mutation DeleteOrgUnit($id: ID!) {
    deleteOrgUnit(id: $id)
  }
`);

/** The org tree's changes; every one refreshes the tree (and the unit lists elsewhere). */
export function useOrgUnitMutations() {
  const { t } = useTranslation();
  const opts = { refetchQueries: ['AdminOrgUnits', 'OrgUnitChoices'], awaitRefetchQueries: true };
  const [create, c] = useMutation(CreateOrgUnitDocument, opts);
  const [rename, r] = useMutation(RenameOrgUnitDocument, opts);
  const [move, m] = useMutation(MoveOrgUnitDocument, opts);
  const [remove, d] = useMutation(DeleteOrgUnitDocument, opts);
  const run = async (fn: () => Promise<unknown>, success: string): Promise<UiError | null> => {
    try {
      await fn();
      notifySuccess(success);
      return null;
    } catch (e) {
      return toUiError(e, t);
    }
  };
  return {
    busy: c.loading || r.loading || m.loading || d.loading,
    create: (agencyId: string, name: string, parentId: string | null) =>
      run(() => create({ variables: { input: { agencyId, name, parentId } } }), t('units.created', { name })),
    rename: (id: string, name: string) => run(() => rename({ variables: { id, name } }), t('units.renamed', { name })),
    move: (id: string, parentId: string | null, name: string) => run(() => move({ variables: { id, parentId } }), t('units.moved', { name })),
    remove: (id: string, name: string) => run(() => remove({ variables: { id } }), t('units.deleted', { name })),
  };
}
