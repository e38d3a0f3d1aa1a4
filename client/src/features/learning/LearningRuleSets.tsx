import { Alert, Button, Card, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { hasRole, useMe } from '../../app/me';
import { usePagedList } from '../../app/usePagedList';
import { graphql } from '../../gql/__generated__';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { StateBadge } from '../../ui/StateBadge';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { calendarDay, todayInJakarta } from './learningFormat';

const RuleSetsDocument = graphql(`
  query LearningRuleSets($first: Int!, $after: String) {
    learningRuleSets(first: $first, after: $after) {
      nodes {
        id
        validFrom
        validUntil
        inForce
        minutesPerJp
        yearlyTargetJp
        legalBasis
        nonClassroomDefaults {
          form
          jp
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const CreateDocument = graphql(`
  mutation CreateLearningRuleSet($input: LearningRuleSetInput!) {
    createLearningRuleSet(input: $input) {
      id
    }
  }
`);

/**
 * "Aturan JP": every rule set, newest first, with the dates it is valid and its legal basis. Platform admins add one
 * from today on (a rule never changes a past year). Its non-classroom defaults are copied from the one in force.
 */
export default function LearningRuleSets() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayCreate = hasRole(me, 'PLATFORM_ADMIN');
  const { loading, error, refetch, page, more } = usePagedList(RuleSetsDocument, { variables: { first: 20, after: null }, page: (d) => d.learningRuleSets });
  const [create, createState] = useMutation(CreateDocument, { refetchQueries: ['LearningRuleSets'], awaitRefetchQueries: true });
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ validFrom: todayInJakarta(), minutesPerJp: 45 as number | string, yearlyTargetJp: 20 as number | string, legalBasis: '' });
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const current = page?.nodes.find((r) => r.inForce) ?? page?.nodes[0];
    try {
      await create({ variables: { input: {
        validFrom: draft.validFrom, minutesPerJp: Number(draft.minutesPerJp), yearlyTargetJp: Number(draft.yearlyTargetJp), legalBasis: draft.legalBasis.trim(),
        nonClassroomDefaults: current?.nonClassroomDefaults.map((d) => ({ form: d.form, jp: d.jp })) ?? [],
      } } });
      notifySuccess(t('learning.rules.created'));
      setOpen(false);
      setProblem(null);
    } catch (err) {
      setProblem(toUiError(err, t));
    }
  }
  const fieldError = (name: string) => problem?.fields[name] ?? problem?.fields[`input.${name}`];

  return (
    <>
      <PageHeader
        title={t('learning.rules.title')}
        description={t('learning.rules.description')}
        actions={mayCreate ? <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setOpen(true)}>{t('learning.rules.create')}</Button> : null}
      />
      <ListStates errorMessage={error ? toUiError(error, t).message : null} loading={loading} data={page} isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()} skeleton={<CardListSkeleton />} empty={null}>
        {(p) => (
          <>
            <Stack gap="sm">
              {p.nodes.map((r) => (
                <Card key={r.id} withBorder padding="md" component="article" aria-label={t('learning.rules.from', { date: calendarDay(r.validFrom, i18n.language) })}>
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Text fw={700}>
                        {r.validUntil
                          ? t('learning.rules.period', { from: calendarDay(r.validFrom, i18n.language), to: calendarDay(r.validUntil, i18n.language) })
                          : t('learning.rules.from', { date: calendarDay(r.validFrom, i18n.language) })}
                      </Text>
                      {r.inForce ? <StateBadge color="teal">{t('learning.rules.inForce')}</StateBadge> : null}
                    </Group>
                    <Text size="sm">{t('learning.rules.values', { minutes: r.minutesPerJp, target: r.yearlyTargetJp })}</Text>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('learning.rules.legalBasis', { basis: r.legalBasis ?? '–' })}</Text>
                    {r.nonClassroomDefaults.length ? (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {t('learning.rules.defaults')} {r.nonClassroomDefaults.map((d) => `${t(`enum.form.${d.form}`)} ${t('common.jp', { jp: d.jp })}`).join(' · ')}
                      </Text>
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('learning.rules.create')} centered>
        <form noValidate onSubmit={(e) => void onCreate(e)}>
          <Stack gap="sm">
            <Text size="sm">{t('learning.rules.createHelp')}</Text>
            <TextInput type="date" label={t('learning.rules.validFrom')} required min={todayInJakarta()} value={draft.validFrom}
              onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, validFrom: v })); }} error={fieldError('validFrom')} />
            <NumberInput label={t('learning.rules.minutesPerJp')} required min={1} max={120} value={draft.minutesPerJp}
              onChange={(v) => setDraft((d) => ({ ...d, minutesPerJp: v }))} error={fieldError('minutesPerJp')} />
            <NumberInput label={t('learning.rules.yearlyTarget')} required min={0} max={200} value={draft.yearlyTargetJp}
              onChange={(v) => setDraft((d) => ({ ...d, yearlyTargetJp: v }))} error={fieldError('yearlyTargetJp')} />
            <Textarea label={t('learning.rules.legalBasisLabel')} required autosize minRows={2} maxLength={500} value={draft.legalBasis}
              onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, legalBasis: v })); }} error={fieldError('legalBasis')} />
            {problem && !Object.keys(problem.fields).length ? <Alert color="red" role="alert">{problem.message}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
              <Button type="submit" loading={createState.loading}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
