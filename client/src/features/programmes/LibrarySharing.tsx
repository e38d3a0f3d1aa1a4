import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { formatNumber, formatShortDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { formatLanguage, percent } from './libraryFormat';

const ProgrammeSharingDocument = graphql(`
  query ProgrammeSharing($id: ID!) {
    programme(id: $id) {
      id
      status
      sharedAt
      shareNote
      adoptionCount
      adoptions(first: 50) {
        nodes {
          programmeId
          title
          agencyName
          adoptedAt
          shared
          evidence {
            participants
            completionRate
            averageRating
          }
        }
        totalCount
      }
    }
  }
`);

const ShareProgrammeDocument = graphql(`
  mutation ShareProgramme($programmeId: ID!, $note: String) {
    shareProgramme(programmeId: $programmeId, note: $note) {
      id
      sharedAt
      shareNote
    }
  }
`);

const UnshareProgrammeDocument = graphql(`
  mutation UnshareProgramme($programmeId: ID!) {
    unshareProgramme(programmeId: $programmeId) {
      id
      sharedAt
      shareNote
    }
  }
`);

/**
 * Sharing a programme in the library (its managers) and who adopted it, with each adopter's evidence where the
 * adopter shares its copy. Placed on the admin's programme page (build area) at integration.
 */
export function ProgrammeSharing({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const lang = formatLanguage(i18n.language);
  const { data } = useQuery(ProgrammeSharingDocument, { variables: { id: programmeId } });
  const [note, setNote] = useState<string | null>(null);
  const [share, sharing] = useMutation(ShareProgrammeDocument);
  const [unshare, unsharing] = useMutation(UnshareProgrammeDocument);
  const programme = data?.programme;
  if (!programme) return null;
  const shared = !!programme.sharedAt;
  const error = sharing.error ?? unsharing.error;
  const noteValue = note ?? programme.shareNote ?? '';
  const doShare = () =>
    void share({ variables: { programmeId, note: noteValue.trim() || null } })
      .then(() => notifySuccess(t('library.sharing.shared')))
      .catch(() => undefined);

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('library.sharing.title')}
          </Title>
          <Switch
            checked={shared}
            disabled={programme.status !== 'PUBLISHED' || sharing.loading || unsharing.loading}
            label={shared ? t('library.sharing.on', { date: formatShortDate(programme.sharedAt!, lang) }) : t('library.sharing.off')}
            onChange={(e) => {
              if (e.currentTarget.checked) doShare();
              else void unshare({ variables: { programmeId } }).catch(() => undefined);
            }}
          />
          {programme.status !== 'PUBLISHED' ? <Text size="sm" c="dimmed">{t('library.sharing.publishFirst')}</Text> : null}
          <Textarea label={t('library.sharing.note')} description={t('library.sharing.noteHint')} value={noteValue} maxLength={1000} autosize minRows={2} onChange={(e) => setNote(e.currentTarget.value)} />
          {shared ? (
            <Group>
              <Button variant="light" onClick={doShare} loading={sharing.loading}>
                {t('library.sharing.saveNote')}
              </Button>
              <Anchor component={Link} to={`/pustaka-program/${programmeId}`} size="sm">
                {t('library.sharing.view')}
              </Anchor>
            </Group>
          ) : null}
          {error ? <Alert color="red" role="alert">{toUiError(error, t).message}</Alert> : null}
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('library.adoptionsTitle', { count: programme.adoptions.totalCount })}
        </Title>
        {programme.adoptions.nodes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('library.noAdoptions')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('library.col.agency')}</Table.Th>
                  <Table.Th>{t('library.col.adoptedAt')}</Table.Th>
                  <Table.Th>{t('library.col.evidence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programme.adoptions.nodes.map((a) => (
                  <Table.Tr key={a.programmeId}>
                    <Table.Td>
                      {a.agencyName}
                      <Text size="xs" c="dimmed">
                        {a.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatShortDate(a.adoptedAt, lang)}</Table.Td>
                    <Table.Td>
                      {a.evidence
                        ? t('library.adopterEvidence', {
                            completion: percent(a.evidence.completionRate, lang),
                            participants: a.evidence.participants,
                            rating: a.evidence.averageRating == null ? '—' : formatNumber(a.evidence.averageRating, lang, 1),
                          })
                        : t('library.adopterNotShared')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
