import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Grid, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../app/errors';
import { toUiError } from '../app/errors';
import { useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { AdminAgencySwitch } from '../features/admin/AdminAgencySwitch';
import { useAdminAgency } from '../features/admin/useAdminAgency';
import { PersonSearchSelect } from '../features/people/PersonSearchSelect';
import { useRoleGrants } from '../features/roles/useRoleGrants';
import { graphql } from '../gql/__generated__';
import type { AdminRolesQuery } from '../gql/__generated__/graphql';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';

const AdminRolesDocument = graphql(`
  query AdminRoles($agencyId: ID!) {
    admins: people(agencyId: $agencyId, role: AGENCY_ADMIN, first: 100) {
      nodes {
        ...RoleHolder_person
      }
      totalCount
    }
    instructors: people(agencyId: $agencyId, role: INSTRUCTOR, first: 100) {
      nodes {
        ...RoleHolder_person
      }
      totalCount
    }
  }
`);

graphql(`
  fragment RoleHolder_person on Person {
    id
    fullName
    positionTitle
    active
    orgUnit {
      id
      name
    }
    roles {
      id
      role
      grantedAt
      agency {
        id
        name
      }
    }
  }
`);

type Holder = AdminRolesQuery['admins']['nodes'][number];
const GRANTABLE = ['AGENCY_ADMIN', 'INSTRUCTOR'] as const;

export default function AdminRolesRoute() {
  const { t } = useTranslation();
  const { agencyId } = useAdminAgency();
  if (!agencyId) {
    return (
      <>
        <PageHeader title={t('roles.title')} />
        <Stack>
          <AdminAgencySwitch />
          <EmptyState title={t('admin.noAgencyTitle')}>{t('admin.noAgency')}</EmptyState>
        </Stack>
      </>
    );
  }
  return <RolesOfAgency agencyId={agencyId} />;
}

function RolesOfAgency({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const grants = useRoleGrants();
  const { data, loading, error, refetch } = useQuery(AdminRolesDocument, { variables: { agencyId } });
  const [person, setPerson] = useState<string | null>(null);
  const [role, setRole] = useState<(typeof GRANTABLE)[number]>('INSTRUCTOR');
  const [problem, setProblem] = useState<UiError | null>(null);
  const [revoking, setRevoking] = useState<{ holder: Holder; grantId: string; role: string } | null>(null);

  async function grantRole() {
    setProblem(null);
    if (!person) return setProblem({ code: 'LOCAL', message: t('roles.choosePerson'), fields: { personId: t('roles.choosePerson') } });
    const result = await grants.grant({ personId: person, role, agencyId }, '');
    if (result) setProblem(result);
    else setPerson(null);
  }
  async function revokeRole() {
    if (!revoking) return;
    await grants.revoke(revoking.grantId, revoking.holder.fullName, revoking.role);
    setRevoking(null);
  }

  const list = (title: string, roleName: 'AGENCY_ADMIN' | 'INSTRUCTOR', holders: Holder[]) => (
    <Stack gap="sm" component="section" aria-labelledby={`roles-${roleName}`}>
      <Title order={2} fz="lg" id={`roles-${roleName}`}>
        {title} ({fmt.number(holders.length)})
      </Title>
      {holders.length === 0 ? (
        <Text c="dimmed">{t('roles.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="lentera-plain-list">
          {holders.map((h) => {
            const grant = (h.roles ?? []).find((g) => g.role === roleName && g.agency?.id === agencyId);
            return (
              <Card key={h.id} component="li" bg="white" py="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0} miw={0}>
                    <Text fw={700}>{h.fullName}</Text>
                    <Text size="sm" c="dimmed">
                      {[h.positionTitle, h.orgUnit?.name].filter(Boolean).join(' · ') || '—'}
                    </Text>
                    {grant ? (
                      <Text size="xs" c="dimmed">
                        {t('roles.since', { date: fmt.shortDate(grant.grantedAt) })}
                      </Text>
                    ) : null}
                  </Stack>
                  {grant ? (
                    <Button
                      size="xs"
                      variant="default"
                      className="lentera-noshrink"
                      color="red"
                      leftSection={<IconUserMinus size={14} aria-hidden />}
                      disabled={roleName === 'AGENCY_ADMIN' && h.id === me.id}
                      onClick={() => setRevoking({ holder: h, grantId: grant.id, role: roleName })}
                      aria-label={t('roles.revokeAria', { name: h.fullName, role: t(`enum.role.${roleName}`) })}
                    >
                      {t('roles.revoke')}
                    </Button>
                  ) : null}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );

  return (
    <>
      <PageHeader title={t('roles.title')} description={t('roles.description')} />
      <Stack gap="sm" mb="md">
        <AdminAgencySwitch />
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" bg="white" component="section" aria-labelledby="grant-title">
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void grantRole();
              }}
            >
              <Stack>
                <Title order={2} fz="lg" id="grant-title">
                  {t('roles.grantTitle')}
                </Title>
                {problem && !problem.fields.personId ? (
                  <Alert color="red" variant="light" role="alert">
                    {problem.message}
                  </Alert>
                ) : null}
                <PersonSearchSelect label={t('roles.person')} agencyId={agencyId} value={person} onChange={setPerson} error={problem?.fields.personId} required />
                <Select
                  label={t('roles.role')}
                  value={role}
                  onChange={(v) => v && setRole(v)}
                  data={GRANTABLE.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))}
                  description={t(`roles.hint.${role}`)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <Button type="submit" loading={grants.busy} leftSection={<IconKey size={18} aria-hidden />}>
                  {t('roles.grant')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          {error && !data ? (
            <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />
          ) : loading && !data ? (
            <CardListSkeleton count={4} height={64} />
          ) : data ? (
            <Stack gap="xl">
              {list(t('enum.role.AGENCY_ADMIN'), 'AGENCY_ADMIN', data.admins.nodes)}
              {list(t('enum.role.INSTRUCTOR'), 'INSTRUCTOR', data.instructors.nodes)}
            </Stack>
          ) : null}
        </Grid.Col>
      </Grid>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('roles.revokeTitle')} centered>
        <Stack>
          <Text>{revoking ? t('roles.revokeBody', { name: revoking.holder.fullName, role: t(`enum.role.${revoking.role}`) }) : null}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={grants.busy}
              onClick={() => void revokeRole()}
            >
              {t('roles.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
