import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBrandLinkedin, IconFileCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { CertificateExtraActions } from './lifecycle.actions';
import { linkedInAddUrl, verificationUrl } from './lifecycle.links';
import { CertificateStatusBadge } from './lifecycle.StatusBadge';

const MyCertificatesDocument = graphql(`
  query MyCertificates($first: Int!, $after: String) {
    myCertificates(first: $first, after: $after) {
      nodes {
        id
        serial
        verificationCode
        title
        jp
        issuedAt
        agencyName
        partnerName
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

/** "Sertifikat saya" (/sertifikat-saya): the viewer's certificates in every status, each with its public page and LinkedIn link. */
export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { loading, error, refetch, page, more } = usePagedList(MyCertificatesDocument, { variables: { first: 20, after: null }, page: (d) => d.myCertificates });
  return (
    <>
      <PageHeader title={t('certificates.mine.title')} description={t('certificates.mine.description')} />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={2} height={150} />}
        empty={
          <EmptyState icon={<IconFileCertificate aria-hidden />} title={t('certificates.mine.emptyTitle')}>
            {t('certificates.mine.empty')}
          </EmptyState>
        }
      >
        {(p) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {p.nodes.map((c) => (
                <Card key={c.id} bg="white" withBorder data-testid="my-certificate">
                  <Stack gap="xs">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Title order={2} fz="md" style={{ overflowWrap: 'anywhere' }}>
                        {c.title}
                      </Title>
                      <CertificateStatusBadge status={c.status} />
                    </Group>
                    <Text size="sm" c="dimmed">
                      {[c.agencyName, c.partnerName].filter(Boolean).join(' · ')} · {fmt.number(c.jp)} JP · {fmt.date(c.issuedAt)}
                    </Text>
                    <Text size="sm" ff="monospace">
                      {c.serial}
                    </Text>
                    {c.status === 'REVOKED' && c.revokedReason ? <Text size="sm">{t('certificates.mine.revoked', { reason: c.revokedReason })}</Text> : null}
                    <Group gap="md" wrap="wrap">
                      <Anchor href={verificationUrl(c.verificationCode)} target="_blank" rel="noopener" size="sm" fw={600}>
                        <Group gap={4} wrap="nowrap" component="span">
                          <IconShieldCheck size={16} aria-hidden />
                          {t('certificates.mine.verify')}
                        </Group>
                      </Anchor>
                      {c.status === 'VALID' ? (
                        <Anchor href={linkedInAddUrl(c)} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                          <Group gap={4} wrap="nowrap" component="span">
                            <IconBrandLinkedin size={16} aria-hidden />
                            {t('certificates.mine.linkedIn')}
                          </Group>
                        </Anchor>
                      ) : null}
                      <CertificateExtraActions certificate={c} />
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}
