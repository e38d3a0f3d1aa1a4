import { Alert, Button, CopyButton, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { IconCalendarPlus, IconCheck, IconCopy, IconKey, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../app/session';
import { useFormatters } from '../app/useFormatters';
import { graphql } from '../gql/__generated__';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { formatZonedTime, timeZoneLabel } from '../ui/format';

const MyCalendarFeedDocument = graphql(`
  query MyCalendarFeed {
    myCalendarFeed {
      createdAt
    }
  }
`);

const CreateMyCalendarFeedDocument = graphql(`
  mutation CreateMyCalendarFeed {
    createMyCalendarFeed {
      url
      createdAt
    }
  }
`);

const RevokeMyCalendarFeedDocument = graphql(`
  mutation RevokeMyCalendarFeed {
    revokeMyCalendarFeed
  }
`);

const SetMyTimeZoneDocument = graphql(`
  mutation SetMyTimeZone($timeZone: String!) {
    setMyTimeZone(timeZone: $timeZone) {
      id
      timeZone
    }
  }
`);

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
/** An example moment (12.00 WIB) to show what each choice looks like. */
const EXAMPLE = '2026-05-05T05:00:00.000Z';

/** The signed-in person's own settings: the zone times are shown in, their private calendar feed, the password. */
export default function AccountRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormatters();
  const feed = useQuery(MyCalendarFeedDocument, { fetchPolicy: 'cache-and-network' });
  const [createFeed, creating] = useMutation(CreateMyCalendarFeedDocument);
  const [revokeFeed, revoking] = useMutation(RevokeMyCalendarFeedDocument);
  const [setZone, savingZone] = useMutation(SetMyTimeZoneDocument);
  // The URL is shown only right after it is made: the server keeps only a hash of its token.
  const [url, setUrl] = useState<string | null>(null);

  const makeFeed = async () => {
    try {
      const { data } = await createFeed();
      setUrl(data?.createMyCalendarFeed.url ?? null);
      await feed.refetch();
    } catch {
      notifyError(t('account.calendar.failed'));
    }
  };
  const revoke = async () => {
    try {
      await revokeFeed();
      setUrl(null);
      await feed.refetch();
      notifySuccess(t('account.calendar.revoked'));
    } catch {
      notifyError(t('account.calendar.failed'));
    }
  };
  const chooseZone = async (timeZone: string) => {
    try {
      await setZone({ variables: { timeZone } });
    } catch {
      notifyError(t('account.zone.failed'));
    }
  };

  const existing = feed.data?.myCalendarFeed ?? null;
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Stack gap="lg" maw={640}>
        <Paper withBorder p={{ base: 'md', xs: 'xl' }} component="section" aria-labelledby="account-zone">
          <Title order={2} fz="lg" id="account-zone" mb="xs">
            {t('account.zone.title')}
          </Title>
          <Radio.Group
            value={me.timeZone}
            onChange={(value) => void chooseZone(value)}
            label={t('account.zone.label')}
            description={t('account.zone.hint')}
          >
            <Stack gap="xs" mt="xs">
              {ZONES.map((zone) => (
                <Radio
                  key={zone}
                  value={zone}
                  disabled={savingZone.loading}
                  label={t(`account.zone.${timeZoneLabel(zone)}`)}
                  description={t('account.zone.example', { time: formatZonedTime(EXAMPLE, fmt.lang, zone, 'Asia/Jakarta') })}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Paper>

        <Paper withBorder p={{ base: 'md', xs: 'xl' }} component="section" aria-labelledby="account-calendar">
          <Title order={2} fz="lg" id="account-calendar" mb="xs">
            {t('account.calendar.title')}
          </Title>
          <Stack gap="sm">
            <Text size="sm">{t('account.calendar.explain')}</Text>
            {url ? (
              <>
                <Alert color="teal" variant="light" title={t('account.calendar.readyTitle')}>
                  {t('account.calendar.ready')}
                </Alert>
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('account.calendar.urlLabel')}
                    value={url}
                    readOnly
                    onFocus={(event) => event.currentTarget.select()}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  <CopyButton value={url}>
                    {({ copied, copy }) => (
                      <Button
                        onClick={copy}
                        variant={copied ? 'filled' : 'light'}
                        leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                      >
                        {copied ? t('account.calendar.copied') : t('account.calendar.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </>
            ) : existing ? (
              <Text size="sm">{t('account.calendar.exists', { date: fmt.dateTime(existing.createdAt) })}</Text>
            ) : null}
            <Group gap="sm">
              <Button
                onClick={() => void makeFeed()}
                loading={creating.loading}
                leftSection={existing ? <IconRefresh size={18} aria-hidden /> : <IconCalendarPlus size={18} aria-hidden />}
              >
                {existing ? t('account.calendar.regenerate') : t('account.calendar.create')}
              </Button>
              {existing ? (
                <Button variant="subtle" color="red" onClick={() => void revoke()} loading={revoking.loading} leftSection={<IconTrash size={18} aria-hidden />}>
                  {t('account.calendar.revoke')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder p={{ base: 'md', xs: 'xl' }} component="section" aria-labelledby="account-password">
          <Title order={2} fz="lg" id="account-password" mb="xs">
            {t('profile.changePassword')}
          </Title>
          <Button component={Link} to="/akun/kata-sandi" variant="light" leftSection={<IconKey size={18} aria-hidden />}>
            {t('profile.changePassword')}
          </Button>
        </Paper>
      </Stack>
    </>
  );
}
