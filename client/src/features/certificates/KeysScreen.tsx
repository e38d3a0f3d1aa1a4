import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconKey, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { AdminAgencySwitch } from '../admin/AdminAgencySwitch';
import { useAdminAgency } from '../admin/useAdminAgency';

const KeysDocument = graphql(`
  query CredentialKeys($agencyId: ID!) {
    credentialKeys(agencyId: $agencyId) { id url publicKeyMultibase createdAt retiredAt }
  }
`);

const RotateDocument = graphql(`
  mutation RotateCredentialKey($agencyId: ID!) {
    rotateCredentialKey(agencyId: $agencyId) { id }
  }
`);

/** `/admin/kunci-sertifikat`: the agency's credential signing keys, newest first, and rotation. */
export default function KeysScreen() {
  const { t } = useTranslation();
  const { agencyId } = useAdminAgency();
  return (
    <>
      <PageHeader title={t('credential.keys.title')} description={t('credential.keys.description')} />
      <Stack gap="sm" mb="md">
        <AdminAgencySwitch />
      </Stack>
      {agencyId ? <KeyList agencyId={agencyId} /> : <EmptyState title={t('admin.noAgencyTitle')}>{t('admin.noAgency')}</EmptyState>}
    </>
  );
}

function KeyList({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { data, loading, error, refetch } = useQuery(KeysDocument, { variables: { agencyId } });
  const [rotate, rotation] = useMutation(RotateDocument);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState(false);
  const keys = [...(data?.credentialKeys ?? [])].reverse();

  if (error && !data) return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
  if (loading && !data) return <CardListSkeleton count={2} height={96} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={560}>{t('credential.keys.explain')}</Text>
        <Button leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => setConfirming(true)}>{t('credential.keys.rotate')}</Button>
      </Group>
      {rotated ? <Alert color="teal" variant="light" role="status">{t('credential.keys.rotated')}</Alert> : null}
      {keys.length === 0 ? (
        <EmptyState icon={<IconKey aria-hidden />} title={t('credential.keys.emptyTitle')}>{t('credential.keys.empty')}</EmptyState>
      ) : (
        <Stack gap="sm" component="ul" className="lentera-plain-list" aria-label={t('credential.keys.title')}>
          {keys.map((k) => (
            <Paper component="li" key={k.id} withBorder bg="white" p="md">
              <Stack gap={6}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={k.retiredAt ? 'gray' : 'teal'} variant="light">{k.retiredAt ? t('credential.keys.retired') : t('credential.keys.active')}</Badge>
                  <Text size="sm">{t('credential.keys.created', { date: fmt.dateTime(k.createdAt) })}</Text>
                  {k.retiredAt ? <Text size="sm">{t('credential.keys.retiredOn', { date: fmt.dateTime(k.retiredAt) })}</Text> : null}
                </Group>
                <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{k.publicKeyMultibase}</Code>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{k.url}</Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('credential.keys.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{t('credential.keys.confirm')}</Text>
          {rotation.error ? <Alert color="red" variant="light" role="alert">{toUiError(rotation.error, t).message}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button
              loading={rotation.loading}
              onClick={() => {
                void rotate({ variables: { agencyId } }).then(async () => {
                  setConfirming(false);
                  setRotated(true);
                  await refetch();
                }, () => undefined);
              }}
            >
              {t('credential.keys.rotate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
