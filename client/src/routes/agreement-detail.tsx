import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { toUiError, type UiError } from '../app/errors';
import { useMe } from '../app/session';
import { AgreementForm, type AgreementSubmit, type AgreementValues } from '../features/agreements/AgreementForm';
import { AgreementStatusBadge } from '../features/agreements/AgreementStatusBadge';
import { agreementDay } from '../features/agreements/agreementFormat';
import { graphql } from '../gql/__generated__';
import { ErrorState } from '../ui/ErrorState';
import { notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { PageSkeleton } from '../ui/PageSkeleton';

const AgreementDocument = graphql(`
  query Agreement($id: ID!) {
    agreement(id: $id) {
      id
      kind
      number
      title
      validFrom
      validTo
      status
      daysLeft
      scope
      documentUrl
      viewerMayEdit
      document {
        byteSize
        downloadUrl
      }
      partner {
        id
        name
      }
      agencies {
        id
        name
      }
    }
  }
`);

const CreateAgreementDocument = graphql(`
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) {
      id
    }
  }
`);

const UpdateAgreementDocument = graphql(`
  mutation UpdateAgreement($id: ID!, $input: UpdateAgreementInput!) {
    updateAgreement(id: $id, input: $input) {
      id
      kind
      number
      title
      validFrom
      validTo
      status
      daysLeft
      scope
      documentUrl
      viewerMayEdit
      document {
        byteSize
        downloadUrl
      }
      agencies {
        id
        name
      }
    }
  }
`);

const sizeText = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/** One agreement: its terms and document (download), and for the agency side its edit form; `baru` creates one. */
export default function AgreementDetailRoute() {
  const { agreementId } = useParams();
  return agreementId === 'baru' ? <NewAgreement /> : <AgreementView id={agreementId!} />;
}

function NewAgreement() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<UiError | null>(null);
  const [create, { loading }] = useMutation(CreateAgreementDocument, { refetchQueries: ['Agreements', 'ExpiringAgreements'] });
  const initial: AgreementValues = {
    kind: 'PKS', number: '', title: '', partnerId: null, agencyIds: me.adminAgencyIds.length === 1 ? [...me.adminAgencyIds] : [],
    validFrom: '', validTo: '', scope: [], documentMode: 'file', documentUrl: '',
  };
  async function submit(v: AgreementSubmit) {
    setProblem(null);
    try {
      const { data } = await create({ variables: { input: { ...v, documentId: v.documentId ?? null, documentUrl: v.documentUrl ?? null } } });
      notifySuccess(t('agreements.saved'));
      void navigate(`/kerja-sama/${data!.createAgreement.id}`, { replace: true });
    } catch (e) {
      setProblem(toUiError(e, t));
    }
  }
  return (
    <>
      <PageHeader title={t('agreements.create')} />
      <Card withBorder padding="md">
        <AgreementForm
          initial={initial}
          known={{ partner: null, agencies: me.agencyId && me.agencyName ? [{ id: me.agencyId, name: me.agencyName }] : [] }}
          hasDocument={false}
          submitting={loading}
          problem={problem}
          onSubmit={submit}
          onCancel={() => void navigate('/kerja-sama')}
        />
      </Card>
    </>
  );
}

function AgreementView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<UiError | null>(null);
  const { data, loading, error, refetch } = useQuery(AgreementDocument, { variables: { id } });
  const [update, { loading: saving }] = useMutation(UpdateAgreementDocument, { refetchQueries: ['Agreements', 'ExpiringAgreements'] });
  if (loading && !data) return <PageSkeleton cards={2} />;
  if (!data) return <ErrorState message={error ? toUiError(error, t).message : t('errors.NOT_FOUND')} onRetry={() => void refetch()} />;
  const a = data.agreement;

  async function submit(v: AgreementSubmit) {
    setProblem(null);
    try {
      const { partnerId: _partner, ...input } = v;
      await update({ variables: { id, input } });
      notifySuccess(t('agreements.saved'));
      setEditing(false);
    } catch (e) {
      setProblem(toUiError(e, t));
    }
  }

  return (
    <>
      <PageHeader
        eyebrow={t(`agreements.kind.${a.kind}`)}
        title={a.number}
        description={a.title}
        actions={a.viewerMayEdit && !editing ? <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
      />
      {editing ? (
        <Card withBorder padding="md">
          <AgreementForm
            initial={{
              kind: a.kind, number: a.number, title: a.title, partnerId: a.partner.id, agencyIds: a.agencies.map((g) => g.id),
              validFrom: a.validFrom, validTo: a.validTo, scope: a.scope, documentMode: a.document ? 'keep' : a.documentUrl ? 'link' : 'file', documentUrl: a.documentUrl ?? '',
            }}
            known={{ partner: a.partner, agencies: a.agencies }}
            hasDocument={!!a.document}
            submitting={saving}
            problem={problem}
            onSubmit={submit}
            onCancel={() => setEditing(false)}
          />
        </Card>
      ) : (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Group gap="xs">
              <AgreementStatusBadge status={a.status} daysLeft={a.daysLeft} />
            </Group>
            <Field label={t('agreements.form.partner')} value={a.partner.name} />
            <Field label={t('agreements.form.agencies')} value={a.agencies.map((g) => g.name).join(', ')} />
            <Field label={t('agreements.periodLabel')} value={t('agreements.period', { from: agreementDay(a.validFrom, i18n.language), to: agreementDay(a.validTo, i18n.language) })} />
            <Stack gap={4}>
              <Text size="sm" fw={600}>{t('agreements.form.scope')}</Text>
              <Group gap={6}>
                {a.scope.map((f) => (
                  <Badge key={f} variant="light" color="gray" tt="none">{t(`enum.form.${f}`)}</Badge>
                ))}
              </Group>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>{t('agreements.form.document')}</Text>
              {a.document ? (
                <Anchor href={a.document.downloadUrl} download>
                  <Group gap={6} wrap="nowrap">
                    <IconDownload size={18} aria-hidden />
                    {t('agreements.download', { size: sizeText(a.document.byteSize) })}
                  </Group>
                </Anchor>
              ) : a.documentUrl ? (
                <Anchor href={a.documentUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                  <Group gap={6} wrap="nowrap">
                    <IconExternalLink size={18} aria-hidden />
                    {a.documentUrl}
                  </Group>
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">{t('agreements.noDocument')}</Text>
              )}
            </Stack>
          </Stack>
        </Card>
      )}
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{value}</Text>
    </Stack>
  );
}
