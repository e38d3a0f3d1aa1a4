import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import { DataTable } from '../../ui/DataTable';
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
  const evidenceText = (evidence: { participants: number; completionRate?: number | null; averageRating?: number | null } | null | undefined) =>
    evidence
      ? t('library.adopterEvidence', {
          completion: percent(evidence.completionRate, lang),
          participants: evidence.participants,
          rating: evidence.averageRating == null ? '—' : formatNumber(evidence.averageRating, lang, 1),
        })
      : t('library.adopterNotShared');
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
          <DataTable
            caption={t('library.adoptionsTitle', { count: programme.adoptions.totalCount })}
            rows={programme.adoptions.nodes}
            rowKey={(a) => a.programmeId}
            columns={[
              { key: 'agency', header: t('library.col.agency'), render: (a) => `${a.agencyName} · ${a.title}` },
              { key: 'adoptedAt', header: t('library.col.adoptedAt'), render: (a) => formatShortDate(a.adoptedAt, lang) },
              { key: 'evidence', header: t('library.col.evidence'), render: (a) => evidenceText(a.evidence) },
            ]}
            card={(a) => (
              <Stack gap={2}>
                <Text fw={700}>{a.agencyName}</Text>
                <Text size="sm">
                  {a.title} · {formatShortDate(a.adoptedAt, lang)}
                </Text>
                <Text size="sm">{evidenceText(a.evidence)}</Text>
              </Stack>
            )}
          />
        )}
      </Card>
    </Stack>
  );
}
