import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, Menu, ActionIcon, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDots, IconMailForward, IconPencil, IconPower, IconShieldCheck, IconShieldOff, IconUserPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { toUiError } from '../app/errors';
import { hasRole, useMe } from '../app/session';
import { usePagedList } from '../app/usePagedList';
import { useFormatters } from '../app/useFormatters';
import { PartnerForm } from '../features/partners/PartnerForm';
import { InviteForm, StaffForm } from '../features/partners/StaffForms';
import { graphql } from '../gql/__generated__';
import type { PartnerInvitationStatus, PartnerInvitationsQuery, PartnerStaffQuery } from '../gql/__generated__/graphql';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { ListStates } from '../ui/ListStates';
import { LoadMore } from '../ui/LoadMore';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { CardListSkeleton } from '../ui/PageSkeleton';

const PartnerProfileDocument = graphql(`
  query PartnerProfile($id: ID!) {
    partnerInstitution(id: $id) {
      id
      code
      name
      kind
      city
      website
      contactEmail
      contactPhone
    }
  }
`);
const PartnerStaffDocument = graphql(`
  query PartnerStaff($partnerId: ID!, $first: Int!, $after: String) {
    partnerStaff(partnerId: $partnerId, first: $first, after: $after) {
      nodes {
        id
        fullName
        email
        nidn
        positionTitle
        active
        roles
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);
const PartnerInvitationsDocument = graphql(`
  query PartnerInvitations($partnerId: ID!, $status: PartnerInvitationStatus, $first: Int!, $after: String) {
    partnerInvitations(partnerId: $partnerId, status: $status, first: $first, after: $after) {
      nodes {
        id
        email
        fullName
        role
        status
        createdAt
        expiresAt
        invitedByName
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);
const ResendDocument = graphql(`
  mutation ResendPartnerInvitation($id: ID!) {
    resendPartnerInvitation(id: $id) {
      id
      status
      expiresAt
    }
  }
`);
const RevokeDocument = graphql(`
  mutation RevokePartnerInvitation($id: ID!) {
    revokePartnerInvitation(id: $id) {
      id
      status
    }
  }
`);
const SetStaffActiveDocument = graphql(`
  mutation SetPartnerStaffActive($id: ID!, $active: Boolean!) {
    setPartnerStaffActive(id: $id, active: $active) {
      id
      active
    }
  }
`);
const AppointDocument = graphql(`
  mutation AppointPartnerAdmin($personId: ID!) {
    appointPartnerAdmin(personId: $personId) {
      id
      roles
    }
  }
`);
const RemoveAdminDocument = graphql(`
  mutation RemovePartnerAdmin($personId: ID!) {
    removePartnerAdmin(personId: $personId) {
      id
      roles
    }
  }
`);

type Staff = PartnerStaffQuery['partnerStaff']['nodes'][number];
type Invitation = PartnerInvitationsQuery['partnerInvitations']['nodes'][number];
const STATUSES: PartnerInvitationStatus[] = ['PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED'];
const STATUS_COLOUR: Record<PartnerInvitationStatus, string> = { PENDING: 'blue', ACCEPTED: 'teal', EXPIRED: 'orange', REVOKED: 'gray' };

/**
 * A partner institution's profile, staff and invitations: the partner admin's own (at /mitra), or any institution
 * for platform admins (at /platform/mitra/:partnerId), who also appoint and remove its partner admins.
 */
export default function PartnerStaffRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const platform = hasRole(me, 'PLATFORM_ADMIN');
  const partnerId = params.partnerId ?? me.partnerId ?? '';
  const profile = useQuery(PartnerProfileDocument, { variables: { id: partnerId }, skip: !partnerId });
  const partner = profile.data?.partnerInstitution;
  const [editing, setEditing] = useState(false);

  if (!partnerId) return <EmptyState icon={<IconUsers aria-hidden />} title={t('partners.noPartner')} />;
  return (
    <>
      <PageHeader
        title={partner?.name ?? t('nav.myPartner')}
        description={partner ? [t(`enum.partnerKind.${partner.kind}`), partner.city].filter(Boolean).join(' · ') : undefined}
        actions={
          partner ? (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
              {t('partners.editProfile')}
            </Button>
          ) : null
        }
      />
      <ListStates
        errorMessage={profile.error ? toUiError(profile.error, t).message : null}
        loading={profile.loading}
        data={partner}
        isEmpty={() => false}
        onRetry={() => void profile.refetch()}
        skeleton={<CardListSkeleton count={1} height={80} />}
        empty={null}
      >
        {(p) => (
          <Card withBorder padding="md" mb="lg">
            <Title order={2} fz="lg" mb="xs">
              {t('partners.profile')}
            </Title>
            {p.website || p.contactEmail || p.contactPhone ? (
              <Stack gap={4}>
                {p.website ? (
                  <Anchor href={p.website} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                    {p.website}
                  </Anchor>
                ) : null}
                {p.contactEmail ? <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{`${t('partners.form.contactEmail')}: ${p.contactEmail}`}</Text> : null}
                {p.contactPhone ? <Text size="sm">{`${t('partners.form.contactPhone')}: ${p.contactPhone}`}</Text> : null}
              </Stack>
            ) : (
              <Text size="sm">{t('partners.noContact')}</Text>
            )}
          </Card>
        )}
      </ListStates>
      <StaffSection partnerId={partnerId} partnerName={partner?.name ?? ''} platform={platform} />
      <InvitationsSection partnerId={partnerId} />
      <Modal opened={editing && !!partner} onClose={() => setEditing(false)} title={t('partners.editTitle', { name: partner?.name ?? '' })} centered>
        {partner ? <PartnerForm partner={partner} identityLocked={!platform} onDone={() => setEditing(false)} /> : null}
      </Modal>
    </>
  );
}

function StaffSection({ partnerId, partnerName, platform }: { partnerId: string; partnerName: string; platform: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const { loading, error, refetch, page, more } = usePagedList(PartnerStaffDocument, {
    variables: { partnerId, first: 25, after: null },
    page: (d) => d.partnerStaff,
  });
  const [setActive] = useMutation(SetStaffActiveDocument, { refetchQueries: ['PartnerStaff'] });
  const [appoint] = useMutation(AppointDocument, { refetchQueries: ['PartnerStaff'] });
  const [removeAdmin] = useMutation(RemoveAdminDocument, { refetchQueries: ['PartnerStaff'] });

  async function act(run: () => Promise<unknown>, success: string) {
    try {
      await run();
      notifySuccess(success);
    } catch (e) {
      notifyError(toUiError(e, t).message);
    }
  }

  const isAdmin = (s: Staff) => s.roles.includes('PARTNER_ADMIN');
  // A partner admin changes instructors only (the server says so too); platform admins change anyone.
  const changeable = (s: Staff) => platform || !isAdmin(s);
  const badges = (s: Staff) => (
    <Group gap={4}>
      {s.roles.map((r) => (
        <Badge key={r} variant="light" color={r === 'PARTNER_ADMIN' ? 'grape' : 'blue'}>
          {t(`enum.role.${r}`)}
        </Badge>
      ))}
      <Badge variant="light" color={s.active ? 'teal' : 'gray'}>
        {s.active ? t('partners.active') : t('partners.inactive')}
      </Badge>
    </Group>
  );
  const who = (s: Staff) => (
    <Stack gap={0} miw={0}>
      <Text fw={700} style={{ overflowWrap: 'anywhere' }}>{s.fullName}</Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[s.email, s.nidn ? `NIDN ${s.nidn}` : null].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
  const actions = (s: Staff) =>
    changeable(s) ? (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size={36} aria-label={t('partners.moreActions', { name: s.fullName })}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(s)}>
            {t('common.edit')}
          </Menu.Item>
          {platform ? (
            isAdmin(s) ? (
              <Menu.Item leftSection={<IconShieldOff size={16} aria-hidden />} onClick={() => void act(() => removeAdmin({ variables: { personId: s.id } }), t('partners.adminRemoved', { name: s.fullName }))}>
                {t('partners.removeAdmin')}
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => void act(() => appoint({ variables: { personId: s.id } }), t('partners.adminMade', { name: s.fullName }))}>
                {t('partners.makeAdmin')}
              </Menu.Item>
            )
          ) : null}
          <Menu.Item
            color={s.active ? 'red.9' : undefined}
            leftSection={<IconPower size={16} aria-hidden />}
            onClick={() => void act(() => setActive({ variables: { id: s.id, active: !s.active } }), t(s.active ? 'partners.deactivated' : 'partners.activated', { name: s.fullName }))}
          >
            {s.active ? t('partners.deactivate') : t('partners.activate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    ) : null;

  return (
    <Stack gap="sm" mb="xl">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="lg">
          {t('partners.staffTitle')}
        </Title>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setInviting(true)}>
          {t('partners.invite')}
        </Button>
      </Group>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={3} height={64} />}
        empty={<EmptyState icon={<IconUsers aria-hidden />} title={t('partners.staffEmpty')} />}
      >
        {(p) => (
          <>
            <DataTable
              caption={t('partners.staffCaption', { total: fmt.number(p.totalCount) })}
              rows={p.nodes}
              rowKey={(s) => s.id}
              columns={[
                { key: 'name', header: t('partners.fullName'), render: who },
                { key: 'position', header: t('partners.position'), minWidth: 'lg', render: (s) => <Text size="sm">{s.positionTitle ?? '—'}</Text> },
                { key: 'roles', header: t('partners.role'), render: badges },
                { key: 'actions', header: <span className="lentera-visually-hidden">{t('common.actions')}</span>, align: 'right', render: actions },
              ]}
              card={(s) => (
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    {who(s)}
                    {actions(s)}
                  </Group>
                  {s.positionTitle ? <Text size="sm">{s.positionTitle}</Text> : null}
                  {badges(s)}
                </Stack>
              )}
            />
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      <Modal opened={inviting} onClose={() => setInviting(false)} title={t('partners.inviteTitle', { name: partnerName })} centered>
        {inviting ? <InviteForm partnerId={partnerId} mayInviteAdmins={platform} onDone={() => setInviting(false)} /> : null}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('partners.editStaff', { name: editing?.fullName ?? '' })} centered>
        {editing ? <StaffForm key={editing.id} staff={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function InvitationsSection({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [status, setStatus] = useState<PartnerInvitationStatus | 'ALL'>('PENDING');
  const { loading, error, refetch, page, more } = usePagedList(PartnerInvitationsDocument, {
    variables: { partnerId, status: status === 'ALL' ? null : status, first: 20, after: null },
    page: (d) => d.partnerInvitations,
  });
  const [resend] = useMutation(ResendDocument, { refetchQueries: ['PartnerInvitations'] });
  const [revoke] = useMutation(RevokeDocument, { refetchQueries: ['PartnerInvitations'] });
  const [busy, setBusy] = useState<string | null>(null);

  async function act(i: Invitation, kind: 'resend' | 'revoke') {
    setBusy(`${kind}:${i.id}`);
    try {
      if (kind === 'resend') await resend({ variables: { id: i.id } });
      else await revoke({ variables: { id: i.id } });
      notifySuccess(t(kind === 'resend' ? 'partners.resent' : 'partners.revoked', { email: i.email }));
    } catch (e) {
      notifyError(toUiError(e, t).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={2} fz="lg" id="invitations-title">
        {t('partners.invitationsTitle')}
      </Title>
      <SegmentedControl
        aria-labelledby="invitations-title"
        value={status}
        onChange={(v) => setStatus(v)}
        data={[...STATUSES.map((s) => ({ value: s, label: t(`enum.invitationStatus.${s}`) })), { value: 'ALL', label: t('common.all') }]}
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      />
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton count={2} height={64} />}
        empty={<EmptyState icon={<IconMailForward aria-hidden />} title={t('partners.invitationsEmpty')} />}
      >
        {(p) => (
          <>
            <Text size="sm" c="dimmed">
              {t('partners.invitationsCaption', { total: fmt.number(p.totalCount) })}
            </Text>
            <Stack gap="sm">
              {p.nodes.map((i) => (
                <Card key={i.id} withBorder padding="md">
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={0} miw={0}>
                        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>{i.fullName}</Text>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{i.email}</Text>
                      </Stack>
                      <Badge variant="light" color={STATUS_COLOUR[i.status]}>
                        {t(`enum.invitationStatus.${i.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm">
                      {[
                        t(`enum.role.${i.role}`),
                        t('partners.invitedBy', { when: fmt.date(i.createdAt), name: i.invitedByName ?? '—' }),
                        i.status === 'PENDING' ? t('partners.expires', { when: fmt.dateTime(i.expiresAt) }) : null,
                      ].filter(Boolean).join(' · ')}
                    </Text>
                    {i.status === 'PENDING' || i.status === 'EXPIRED' ? (
                      <Group gap="xs">
                        <Button size="sm" variant="default" leftSection={<IconMailForward size={16} aria-hidden />} loading={busy === `resend:${i.id}`} onClick={() => void act(i, 'resend')}>
                          {t('partners.resend')}
                        </Button>
                        <Button size="sm" variant="default" color="red.9" leftSection={<IconX size={16} aria-hidden />} loading={busy === `revoke:${i.id}`} onClick={() => void act(i, 'revoke')}>
                          {t('partners.revoke')}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </Stack>
  );
}
