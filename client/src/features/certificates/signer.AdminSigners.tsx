import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, FileButton, Group, Image, Modal, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconSignature, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { hasRole, useMe } from '../../app/session';
import { graphql } from '../../gql/__generated__';
import type { CertificateSignersQuery } from '../../gql/__generated__/graphql';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import PdfLogoUpload from './PdfLogoUpload';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { AdminAgencySwitch } from '../admin/AdminAgencySwitch';
import { useAdminAgency } from '../admin/useAdminAgency';

const CertificateSignersDocument = graphql(`
  query CertificateSigners($agencyId: ID, $partnerId: ID) {
    certificateSigners(agencyId: $agencyId, partnerId: $partnerId) {
      id
      name
      position
      displayOrder
      active
      hasSignature
    }
  }
`);

const CreateCertificateSignerDocument = graphql(`
  mutation CreateCertificateSigner($input: CreateCertificateSignerInput!) {
    createCertificateSigner(input: $input) {
      id
    }
  }
`);

const UpdateCertificateSignerDocument = graphql(`
  mutation UpdateCertificateSigner($id: ID!, $input: CertificateSignerInput!) {
    updateCertificateSigner(id: $id, input: $input) {
      id
      name
      position
      displayOrder
      active
    }
  }
`);

const DeleteCertificateSignerDocument = graphql(`
  mutation DeleteCertificateSigner($id: ID!) {
    deleteCertificateSigner(id: $id)
  }
`);

type Signer = CertificateSignersQuery['certificateSigners'][number];
type Draft = { name: string; position: string; displayOrder: number; active: boolean };
const MAX_BYTES = 512 * 1024;

/**
 * "Penanda tangan" (/admin/penandatangan): who signs the agency's certificates (or, for a partner's admins, the
 * partner's), in print order, each with a signature image (PNG, uploaded to POST /files/certificate-signers/<id>/signature).
 */
export default function AdminSignersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { agencyId } = useAdminAgency();
  const agencyAdmin = hasRole(me, 'AGENCY_ADMIN', 'PLATFORM_ADMIN') && !!agencyId;
  const owner = agencyAdmin ? { agencyId, partnerId: null } : { agencyId: null, partnerId: me.partnerId };
  const { data, loading, error, refetch } = useQuery(CertificateSignersDocument, { variables: owner, skip: !owner.agencyId && !owner.partnerId });
  const [editing, setEditing] = useState<Signer | 'new' | null>(null);
  const [remove] = useMutation(DeleteCertificateSignerDocument, { refetchQueries: ['CertificateSigners'], awaitRefetchQueries: true });
  const [version, setVersion] = useState(0);

  async function upload(signer: Signer, file: File | null) {
    if (!file) return;
    if (file.size > MAX_BYTES) return notifyError(t('certificates.signers.tooLarge'));
    const res = await fetch(`/files/certificate-signers/${signer.id}/signature`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: file, credentials: 'same-origin' }).catch(() => null);
    if (!res) return notifyError(t('errors.NETWORK'));
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      return notifyError(body?.errors?.[0]?.message ?? t('errors.INTERNAL_SERVER_ERROR'));
    }
    notifySuccess(t('certificates.signers.uploaded', { name: signer.name }));
    setVersion((v) => v + 1);
    await refetch();
  }

  return (
    <>
      <PageHeader
        title={t('certificates.signers.title')}
        description={t('certificates.signers.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('certificates.signers.add')}
          </Button>
        }
      />
      {agencyAdmin ? (
        <Stack mb="md">
          <AdminAgencySwitch />
        </Stack>
      ) : null}
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={data?.certificateSigners}
        isEmpty={(list) => list.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={2} height={120} />}
        empty={
          <EmptyState icon={<IconSignature aria-hidden />} title={t('certificates.signers.emptyTitle')}>
            {t('certificates.signers.empty')}
          </EmptyState>
        }
      >
        {(list) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {list.map((s) => (
              <Card key={s.id} withBorder bg="white" data-testid="certificate-signer">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <Title order={2} fz="md">
                        {s.name}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {s.position}
                      </Text>
                    </div>
                    <Text size="sm">{t('certificates.signers.order', { n: s.displayOrder })}</Text>
                  </Group>
                  {!s.active ? <Text size="sm" c="dimmed">{t('certificates.signers.inactive')}</Text> : null}
                  {s.hasSignature ? (
                    <Image src={`/files/certificate-signers/${s.id}/signature?v=${version}`} alt={t('certificates.signers.signatureOf', { name: s.name })} h={60} w="auto" fit="contain" />
                  ) : (
                    <Text size="sm" c="dimmed">{t('certificates.signers.noSignature')}</Text>
                  )}
                  <Group gap="xs" wrap="wrap">
                    <FileButton accept="image/png" onChange={(file) => void upload(s, file)}>
                      {(props) => (
                        <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} aria-hidden />}>
                          {t('certificates.signers.upload')}
                        </Button>
                      )}
                    </FileButton>
                    <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(s)}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => {
                        if (!window.confirm(t('certificates.signers.confirmDelete', { name: s.name }))) return;
                        remove({ variables: { id: s.id } }).then(
                          () => notifySuccess(t('certificates.signers.deleted', { name: s.name })),
                          (e: unknown) => notifyError(toUiError(e, t).message),
                        );
                      }}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </ListStates>
      {/* The logo printed beside the signers on the certificate's PDF. */}
      {owner.agencyId ? <PdfLogoUpload owner="agency" id={owner.agencyId} /> : owner.partnerId ? <PdfLogoUpload owner="partner" id={owner.partnerId} /> : null}
      {editing ? <SignerDialog signer={editing === 'new' ? null : editing} owner={owner} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function SignerDialog({ signer, owner, onClose }: { signer: Signer | null; owner: { agencyId: string | null; partnerId: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(
    signer ? { name: signer.name, position: signer.position, displayOrder: signer.displayOrder, active: signer.active } : { name: '', position: '', displayOrder: 1, active: true },
  );
  const [problem, setProblem] = useState<UiError | null>(null);
  const options = { refetchQueries: ['CertificateSigners'], awaitRefetchQueries: true };
  const [create, creating] = useMutation(CreateCertificateSignerDocument, options);
  const [update, updating] = useMutation(UpdateCertificateSignerDocument, options);
  async function save() {
    try {
      if (signer) await update({ variables: { id: signer.id, input: draft } });
      else await create({ variables: { input: { ...draft, ...owner } } });
      notifySuccess(t('certificates.signers.saved', { name: draft.name }));
      onClose();
    } catch (error) {
      setProblem(toUiError(error, t));
    }
  }
  return (
    <Modal opened onClose={onClose} title={signer ? t('certificates.signers.editTitle') : t('certificates.signers.add')} centered>
      <Stack gap="sm">
        <TextInput label={t('certificates.signers.name')} required maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={problem?.fields['input.name']} data-autofocus />
        <TextInput label={t('certificates.signers.position')} required maxLength={200} value={draft.position} onChange={(e) => setDraft({ ...draft, position: e.currentTarget.value })} error={problem?.fields['input.position']} />
        <NumberInput label={t('certificates.signers.displayOrder')} min={1} max={20} value={draft.displayOrder} onChange={(v) => setDraft({ ...draft, displayOrder: Number(v) || 1 })} />
        <Switch label={t('certificates.signers.active')} checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })} />
        {problem ? (
          <Alert color="red" role="alert">
            {problem.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={creating.loading || updating.loading} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
