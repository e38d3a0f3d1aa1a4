import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileCertificate, IconReplace, IconSearch, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toUiError, type UiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { AdminCertificatesQuery, CertificateSource, CertificateStatus } from '../../gql/__generated__/graphql';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { useEditableCopy } from '../../ui/useEditableCopy';
import { AdminAgencySwitch } from '../admin/AdminAgencySwitch';
import { useAdminAgency } from '../admin/useAdminAgency';
import { CertificateExtraActions } from './lifecycle.actions';
import PdfRenderProgress from './PdfRenderProgress';
import { verificationUrl } from './lifecycle.links';
import { CertificateStatusBadge } from './lifecycle.StatusBadge';

const AdminCertificatesDocument = graphql(`
  query AdminCertificates($agencyId: ID!, $search: String, $status: CertificateStatus, $source: CertificateSource, $first: Int!, $after: String) {
    adminCertificates(agencyId: $agencyId, search: $search, status: $status, source: $source, first: $first, after: $after) {
      nodes {
        id
        serial
        verificationCode
        recipientName
        recipientNip
        title
        source
        jp
        issuedAt
        status
        revokedReason
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const RevokeCertificateDocument = graphql(`
  mutation RevokeCertificate($id: ID!, $reason: String!) {
    revokeCertificate(id: $id, reason: $reason) {
      id
      status
      revokedReason
      revokedAt
    }
  }
`);

const ReissueCertificateDocument = graphql(`
  mutation ReissueCertificate($id: ID!) {
    reissueCertificate(id: $id) {
      id
      serial
    }
  }
`);

type Row = AdminCertificatesQuery['adminCertificates']['nodes'][number];
const STATUSES: CertificateStatus[] = ['VALID', 'REVOKED', 'SUPERSEDED'];
const SOURCES: CertificateSource[] = ['COURSE_RUN', 'WORKSHOP', 'PROGRAMME', 'EXTERNAL_ACTIVITY'];

/** "Sertifikat" for agency admins (/admin/sertifikat): search, filter, revoke with a reason, re-issue (a correction). */
export default function AdminCertificatesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { agencyId } = useAdminAgency();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (STATUSES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as CertificateStatus) : null;
  const source = (SOURCES as string[]).includes(params.get('sumber') ?? '') ? (params.get('sumber') as CertificateSource) : null;
  const [search, setSearch] = useEditableCopy(q);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const applySearch = useDebouncedCallback((v: string) => setParam('q', v.trim() || null), 350);
  const { loading, error, refetch, page, more } = usePagedList(AdminCertificatesDocument, {
    variables: { agencyId: agencyId ?? '', search: q || null, status, source, first: 25, after: null },
    skip: !agencyId,
    page: (d) => d.adminCertificates,
  });
  const [revoking, setRevoking] = useState<Row | null>(null);
  const [reissuing, setReissuing] = useState<Row | null>(null);

  const actions = (c: Row) => (
    <Group gap={4} wrap="wrap" justify="flex-end">
      <Button size="xs" variant="subtle" component="a" href={verificationUrl(c.verificationCode)} target="_blank" rel="noopener">
        {t('certificates.admin.open')}
      </Button>
      {c.status === 'VALID' ? (
        <>
          <Button size="xs" variant="default" leftSection={<IconReplace size={14} aria-hidden />} onClick={() => setReissuing(c)}>
            {t('certificates.admin.reissue')}
          </Button>
          <Button size="xs" variant="light" color="red" leftSection={<IconShieldX size={14} aria-hidden />} onClick={() => setRevoking(c)}>
            {t('certificates.admin.revoke')}
          </Button>
        </>
      ) : null}
      <CertificateExtraActions certificate={c} />
    </Group>
  );

  return (
    <>
      <PageHeader title={t('certificates.admin.title')} description={t('certificates.admin.description')} />
      <Stack gap="sm" mb="md">
        <AdminAgencySwitch />
        {agencyId ? <PdfRenderProgress agencyId={agencyId} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="search"
            label={t('certificates.admin.search')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              applySearch(e.currentTarget.value);
            }}
          />
          <Select
            label={t('certificates.admin.status')}
            clearable
            value={status}
            onChange={(v) => setParam('status', v)}
            data={STATUSES.map((s) => ({ value: s, label: t(`verify.status.${s}`) }))}
            placeholder={t('common.all')}
          />
          <Select
            label={t('certificates.admin.source')}
            clearable
            value={source}
            onChange={(v) => setParam('sumber', v)}
            data={SOURCES.map((s) => ({ value: s, label: t(`certificates.source.${s}`) }))}
            placeholder={t('common.all')}
          />
        </SimpleGrid>
      </Stack>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={5} height={72} />}
        empty={
          <EmptyState icon={<IconFileCertificate aria-hidden />} title={t('certificates.admin.emptyTitle')}>
            {t('certificates.admin.empty')}
          </EmptyState>
        }
      >
        {(p) => (
          <>
            <DataTable
              caption={t('certificates.admin.caption', { total: fmt.number(p.totalCount) })}
              rows={p.nodes}
              rowKey={(c) => c.id}
              columns={[
                {
                  key: 'recipient',
                  header: t('certificates.admin.col.recipient'),
                  render: (c) => (
                    <Stack gap={0}>
                      <Text fw={700}>{c.recipientName}</Text>
                      {c.recipientNip ? (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {c.recipientNip}
                        </Text>
                      ) : null}
                    </Stack>
                  ),
                },
                { key: 'title', header: t('certificates.admin.col.title'), minWidth: 'md', render: (c) => <Text size="sm">{c.title}</Text> },
                { key: 'serial', header: t('certificates.admin.col.serial'), render: (c) => <Text size="sm" ff="monospace">{c.serial}</Text> },
                { key: 'issued', header: t('certificates.admin.col.issued'), minWidth: 'lg', render: (c) => <Text size="sm">{fmt.shortDate(c.issuedAt)}</Text> },
                { key: 'status', header: t('certificates.admin.status'), render: (c) => <CertificateStatusBadge status={c.status} /> },
                { key: 'actions', header: <span className="lentera-visually-hidden">{t('common.actions')}</span>, align: 'right', render: actions },
              ]}
              card={(c) => (
                <Stack gap={6} data-testid="admin-certificate">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={700}>{c.recipientName}</Text>
                    <CertificateStatusBadge status={c.status} />
                  </Group>
                  <Text size="sm">{c.title}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {c.serial}
                  </Text>
                  {actions(c)}
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      {revoking ? <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} /> : null}
      {reissuing ? <ReissueDialog certificate={reissuing} onClose={() => setReissuing(null)} /> : null}
    </>
  );
}

function RevokeDialog({ certificate, onClose }: { certificate: Row; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<UiError | null>(null);
  const [revoke, { loading }] = useMutation(RevokeCertificateDocument, { refetchQueries: ['AdminCertificates'], awaitRefetchQueries: true });
  async function submit() {
    if (!reason.trim()) {
      setProblem({ code: 'BAD_USER_INPUT', message: t('certificates.admin.reasonRequired'), fields: {} });
      return;
    }
    try {
      await revoke({ variables: { id: certificate.id, reason: reason.trim() } });
      notifySuccess(t('certificates.admin.revoked', { serial: certificate.serial }));
      onClose();
    } catch (error) {
      setProblem(toUiError(error, t));
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('certificates.admin.revokeTitle', { serial: certificate.serial })} centered>
      <Stack gap="sm">
        <Text size="sm">{t('certificates.admin.revokeHelp', { name: certificate.recipientName })}</Text>
        <Textarea
          label={t('certificates.admin.reason')}
          description={t('certificates.admin.reasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={problem?.fields.reason}
          data-autofocus
        />
        {problem ? (
          <Alert color="red" role="alert">
            {problem.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={() => void submit()}>
            {t('certificates.admin.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReissueDialog({ certificate, onClose }: { certificate: Row; onClose: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<UiError | null>(null);
  const [reissue, { loading }] = useMutation(ReissueCertificateDocument, { refetchQueries: ['AdminCertificates'], awaitRefetchQueries: true });
  async function submit() {
    try {
      const { data } = await reissue({ variables: { id: certificate.id } });
      notifySuccess(t('certificates.admin.reissued', { serial: data!.reissueCertificate.serial }));
      onClose();
    } catch (error) {
      setProblem(toUiError(error, t));
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('certificates.admin.reissueTitle', { serial: certificate.serial })} centered>
      <Stack gap="sm">
        <Text size="sm">{t('certificates.admin.reissueHelp')}</Text>
        {problem ? (
          <Alert color="red" role="alert">
            {problem.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={loading} onClick={() => void submit()}>
            {t('certificates.admin.reissueConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
