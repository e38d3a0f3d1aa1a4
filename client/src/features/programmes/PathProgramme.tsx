import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { toUiError } from '../../app/errors';
import { hasRole, useMe } from '../../app/me';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { ErrorState } from '../../ui/ErrorState';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { notifySuccess } from '../../ui/notify';
import { completionRuleText, PathProgressSummary, PathSteps } from './PathProgress';
import { ProgrammeLineage } from './LibraryLineage';
import { CohortApply } from './NominationApply';

const PathProgrammeDocument = graphql(`
  query PathProgramme($id: ID!) {
    programme(id: $id) {
      id
      code
      title
      description
      audience
      competencyTags
      completionRule
      owner {
        id
        name
      }
      adoptedFrom {
        id
        title
        owner {
          id
          name
        }
      }
      origin {
        id
        title
        owner {
          id
          name
        }
      }
      groups {
        id
        title
        minCompleted
      }
      items {
        id
        position
        required
        groupId
        course {
          id
          title
          jp
          kind
        }
      }
      cohorts {
        id
        code
        startsAt
        endsAt
        nominationClosesAt
        costPerParticipant
        status
        viewerAgencyTakesPart
      }
      viewerParticipation {
        id
        status
        completedAt
        rating
        ratingComment
        ratedAt
        cohort {
          id
          code
        }
        progress {
          items {
            itemId
            state
            jp
            completedElsewhere
            locked
            outOfOrder
          }
          requiredCompleted
          requiredTotal
          percent
          jp
          ruleMet
          nextItemId
        }
      }
    }
  }
`);

const RateProgrammeDocument = graphql(`
  mutation RateProgramme($participantId: ID!, $rating: Int!, $comment: String) {
    rateProgramme(participantId: $participantId, rating: $rating, comment: $comment) {
      id
      rating
      ratingComment
      ratedAt
    }
  }
`);

/**
 * The learner's programme page (/program/:programmeId): what it is and who it is for, the path with the completion
 * rule in words, upcoming cohorts; for a participant their progress per step, what comes next, and once completed
 * the rating form.
 */
export default function PathProgrammePage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const me = useMe();
  const { programmeId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PathProgrammeDocument, { variables: { id: programmeId } });
  const programme = data?.programme;
  if (!programme) {
    if (error) return <ErrorState message={toUiError(error, t).message} onRetry={() => void refetch()} />;
    return loading ? <CardListSkeleton count={3} height={96} /> : null;
  }
  const mine = programme.viewerParticipation;
  const upcoming = programme.cohorts.filter((c) => c.status === 'SCHEDULED' && new Date(c.endsAt) > new Date());
  const next = mine?.progress.nextItemId ? programme.items.find((i) => i.id === mine.progress.nextItemId) : null;
  return (
    <>
      <PageHeader eyebrow={t('path.eyebrow', { owner: programme.owner.name })} title={programme.title} description={programme.description || undefined} />
      <Stack gap="lg">
        <ProgrammeLineage programme={programme} />
        {mine && (mine.status === 'NOMINATED' || mine.status === 'COMPLETED') ? (
          <Paper withBorder p="md" radius="md" bg="white" component="section" aria-labelledby="path-mine">
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={2} fz="lg" id="path-mine">{t('path.myProgress')}</Title>
                <Badge color={mine.status === 'COMPLETED' ? 'teal' : 'lantern'} variant="light" data-testid="participation-status">
                  {t(`path.participant.${mine.status}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">{t('path.cohortLine', { code: mine.cohort.code })}</Text>
              <PathProgressSummary {...mine.progress} />
              <Text size="xs" c="dimmed">{t('path.jpOnce')}</Text>
              {mine.status === 'COMPLETED' && mine.completedAt ? (
                <Text fw={600} c="teal.9">{t('path.completedOn', { date: fmt.date(mine.completedAt) })}</Text>
              ) : next ? (
                <Text>{t('path.nextLine', { title: next.course.title })}</Text>
              ) : null}
              {mine.status === 'COMPLETED' ? <RateForm participation={mine} /> : null}
            </Stack>
          </Paper>
        ) : mine?.status === 'REQUESTED' ? (
          <Text>{t('path.requested')}</Text>
        ) : null}

        <Paper withBorder p="md" radius="md" bg="white" component="section" aria-labelledby="path-about">
          <Stack gap="xs">
            <Title order={2} fz="lg" id="path-about">{t('path.about')}</Title>
            {programme.audience ? (
              <Text><Text span fw={600}>{t('path.audience')}: </Text>{programme.audience}</Text>
            ) : null}
            {programme.competencyTags.length ? (
              <Group gap={6} aria-label={t('path.competencies')}>
                {programme.competencyTags.map((c) => <Badge key={c} variant="outline" color="ink">{c}</Badge>)}
              </Group>
            ) : null}
            <Text><Text span fw={600}>{t('path.completionRule')}: </Text>{completionRuleText(t, programme.completionRule, programme.groups)}</Text>
          </Stack>
        </Paper>

        <section aria-labelledby="path-steps">
          <Title order={2} fz="lg" mb="xs" id="path-steps">{t('path.pathTitle', { count: programme.items.length })}</Title>
          <PathSteps items={programme.items} groups={programme.groups} progress={mine?.progress.items} nextItemId={mine?.progress.nextItemId} />
        </section>

        <section aria-labelledby="path-cohorts">
          <Title order={2} fz="lg" mb="xs" id="path-cohorts">{t('path.cohorts')}</Title>
          {upcoming.length ? (
            <Stack gap="xs">
              {upcoming.map((c) => (
                <Paper key={c.id} withBorder p="sm" radius="md" bg="white">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs">
                      <Text fw={600}>{t('path.cohort', { code: c.code })}</Text>
                      <Badge variant="light" color={c.viewerAgencyTakesPart ? 'teal' : 'gray'}>
                        {c.viewerAgencyTakesPart ? t('path.agencyIn') : t('path.agencyOut')}
                      </Badge>
                    </Group>
                    <Text size="sm">{fmt.schedule(c.startsAt, c.endsAt)}</Text>
                    <Text size="sm">{t('path.cost', { cost: fmt.rupiah(c.costPerParticipant) })}</Text>
                    {c.nominationClosesAt ? <Text size="sm" c="dimmed">{t('path.nominationCloses', { date: fmt.date(c.nominationClosesAt) })}</Text> : null}
                    {/* Applying oneself (self-apply cohorts) or leaving: for people of an agency that takes part. */}
                    {c.viewerAgencyTakesPart ? <CohortApply cohortId={c.id} /> : null}
                    {/* An admin of a participating agency fills its quota from here (nominate's screen). */}
                    {c.viewerAgencyTakesPart && hasRole(me, 'AGENCY_ADMIN', 'PLATFORM_ADMIN') ? (
                      <Anchor component={Link} to={`/admin/program/angkatan/${c.id}/peserta`} size="sm" fw={600}>{t('path.nominate')}</Anchor>
                    ) : null}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t('path.noCohorts')}</Text>
          )}
        </section>
      </Stack>
    </>
  );
}

/** Rating at completion: 1–5 stars and an optional comment; may be changed later. */
function RateForm({ participation }: { participation: { id: string; rating?: number | null; ratingComment?: string | null } }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(participation.rating ?? 0);
  const [comment, setComment] = useState(participation.ratingComment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [rate, { loading }] = useMutation(RateProgrammeDocument);
  const save = async () => {
    if (rating < 1) return setProblem(t('path.rate.pick'));
    setProblem(null);
    try {
      await rate({ variables: { participantId: participation.id, rating, comment: comment.trim() || null } });
      notifySuccess(t('path.rate.saved'));
    } catch (e) {
      setProblem(toUiError(e, t).message);
    }
  };
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="path-rate">
      <Title order={3} fz="md" id="path-rate">{participation.rating ? t('path.rate.yours') : t('path.rate.title')}</Title>
      <Rating value={rating} onChange={setRating} size="xl" aria-label={t('path.rate.stars')} data-testid="programme-rating" />
      <Textarea label={t('path.rate.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
      {problem ? <Text c="red.8" size="sm" role="alert">{problem}</Text> : null}
      <Text size="xs" c="dimmed">{t('path.rate.changeLater')}</Text>
      <Group>
        <Button type="submit" loading={loading}>{participation.rating ? t('path.rate.change') : t('path.rate.save')}</Button>
      </Group>
    </Stack>
  );
}
