import { Alert, Anchor, Button, Card, FileInput, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { usePagedList } from '../../app/usePagedList';
import { graphql } from '../../gql/__generated__';
import type { DevelopmentForm } from '../../gql/__generated__/graphql';
import { ALL_FORMS } from '../agreements/agreementFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ListStates } from '../../ui/ListStates';
import { LoadMore } from '../../ui/LoadMore';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { CardListSkeleton } from '../../ui/PageSkeleton';
import { ExternalActivityStatusBadge } from './ExternalActivityStatusBadge';
import { calendarDay, MAX_EVIDENCE_BYTES, todayInJakarta, uploadEvidence } from './learningFormat';

const MyExternalActivitiesDocument = graphql(`
  query MyExternalActivities($first: Int!, $after: String) {
    myExternalActivities(first: $first, after: $after) {
      nodes {
        id
        title
        form
        organiser
        startsOn
        endsOn
        jp
        jpIsDefault
        status
        rejectionReason
        evidence {
          fileName
          url
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

const SubmitDocument = graphql(`
  mutation SubmitExternalActivity($input: ExternalActivityInput!) {
    submitExternalActivity(input: $input) {
      id
      status
      jp
    }
  }
`);

interface Draft {
  title: string;
  form: string;
  organiser: string;
  startsOn: string;
  endsOn: string;
  jp: number | string;
  description: string;
  file: File | null;
}
const EMPTY: Draft = { title: '', form: 'SEMINAR', organiser: '', startsOn: '', endsOn: '', jp: '', description: '', file: null };

/** "Kegiatan luar": submit learning done elsewhere with its evidence, and follow what became of each submission. */
export default function MyExternalActivities() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submit] = useMutation(SubmitDocument, { refetchQueries: ['MyExternalActivities'], awaitRefetchQueries: true });
  const { loading, error, refetch, page, more } = usePagedList(MyExternalActivitiesDocument, { variables: { first: 20, after: null }, page: (d) => d.myExternalActivities });
  const fieldError = (name: string): string | undefined => errors[name] ?? errors[`input.${name}`];
  const set = (field: keyof Draft) => (value: Draft[keyof Draft]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (draft.title.trim().length < 3) found.title = t('learning.form.titleRequired');
    if (draft.organiser.trim().length < 2) found.organiser = t('learning.form.organiserRequired');
    if (!draft.startsOn) found.startsOn = t('learning.form.dateRequired');
    if (!draft.endsOn) found.endsOn = t('learning.form.dateRequired');
    else if (draft.startsOn && draft.endsOn < draft.startsOn) found.endsOn = t('learning.form.endBeforeStart');
    if (!draft.file) found.file = t('learning.form.fileRequired');
    else if (draft.file.size > MAX_EVIDENCE_BYTES) found.file = t('learning.form.fileTooLarge');
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const uploaded = await uploadEvidence(draft.file!, i18n.language);
      if (!('id' in uploaded)) {
        setErrors({ file: uploaded.message || t('learning.form.uploadFailed') });
        return;
      }
      const { data } = await submit({ variables: { input: {
        title: draft.title.trim(), form: draft.form as DevelopmentForm, organiser: draft.organiser.trim(), startsOn: draft.startsOn, endsOn: draft.endsOn,
        jp: draft.jp === '' ? null : Number(draft.jp), description: draft.description.trim() || null, evidenceId: uploaded.id,
      } } });
      notifySuccess(t('learning.form.submitted', { jp: data?.submitExternalActivity.jp ?? '' }), t('learning.form.submittedTitle'));
      setDraft(EMPTY);
    } catch (err) {
      const ui = toUiError(err, t);
      setErrors(ui.fields);
      setProblem(ui.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('learning.external.title')} description={t('learning.external.description')} />
      <Card withBorder padding="md" mb="lg">
        <Title order={2} fz="lg" mb="sm">{t('learning.form.heading')}</Title>
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          <Stack gap="sm">
            <TextInput label={t('learning.form.title')} required maxLength={300} value={draft.title} onChange={(e) => set('title')(e.currentTarget.value)} error={fieldError('title')} />
            <NativeSelect label={t('learning.form.form')} required value={draft.form} onChange={(e) => set('form')(e.currentTarget.value)}
              data={ALL_FORMS.map((f) => ({ value: f, label: t(`enum.form.${f}`) }))} error={fieldError('form')} />
            <TextInput label={t('learning.form.organiser')} required maxLength={300} value={draft.organiser} onChange={(e) => set('organiser')(e.currentTarget.value)} error={fieldError('organiser')} />
            <Group grow gap="sm" wrap="wrap">
              <TextInput type="date" label={t('learning.form.startsOn')} required max={todayInJakarta()} value={draft.startsOn} onChange={(e) => set('startsOn')(e.currentTarget.value)} error={fieldError('startsOn')} miw={140} />
              <TextInput type="date" label={t('learning.form.endsOn')} required max={todayInJakarta()} value={draft.endsOn} onChange={(e) => set('endsOn')(e.currentTarget.value)} error={fieldError('endsOn')} miw={140} />
            </Group>
            <NumberInput label={t('learning.form.jp')} description={t('learning.form.jpHint')} min={0.5} max={1000} step={0.5} decimalScale={1} value={draft.jp} onChange={set('jp')} error={fieldError('jp')} />
            <Textarea label={t('learning.form.descriptionLabel')} autosize minRows={2} maxLength={2000} value={draft.description} onChange={(e) => set('description')(e.currentTarget.value)} />
            <FileInput label={t('learning.form.file')} description={t('learning.form.fileHint')} required accept="application/pdf,image/jpeg,image/png" value={draft.file}
              onChange={(file) => set('file')(file)} error={fieldError('file') ?? fieldError('evidenceId')} />
            {problem ? <Alert color="red" role="alert">{problem}</Alert> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>{t('learning.form.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>

      <Title order={2} fz="lg" mb="sm">{t('learning.external.mine')}</Title>
      <ListStates
        errorMessage={error ? toUiError(error, t).message : null}
        loading={loading}
        data={page}
        isEmpty={(p) => p.nodes.length === 0}
        onRetry={() => void refetch()}
        skeleton={<CardListSkeleton />}
        empty={<EmptyState title={t('learning.external.empty')} />}
      >
        {(p) => (
          <>
            <Stack gap="sm">
              {p.nodes.map((a) => (
                <Card key={a.id} withBorder padding="md" component="article" aria-label={a.title}>
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Text fw={700} style={{ overflowWrap: 'anywhere' }}>{a.title}</Text>
                      <ExternalActivityStatusBadge status={a.status} />
                    </Group>
                    <Text size="sm">{t(`enum.form.${a.form}`)} · {a.organiser}</Text>
                    <Text size="sm" c="dimmed">
                      {calendarDay(a.startsOn, i18n.language)} – {calendarDay(a.endsOn, i18n.language)} · {t('common.jp', { jp: a.jp })}
                      {a.jpIsDefault ? ` (${t('learning.external.defaultJp')})` : ''}
                    </Text>
                    {a.rejectionReason ? <Text size="sm" c="red.8">{t('learning.external.reason', { reason: a.rejectionReason })}</Text> : null}
                    <Anchor href={a.evidence.url} size="sm" style={{ overflowWrap: 'anywhere' }}>{t('learning.external.evidence', { name: a.evidence.fileName })}</Anchor>
                  </Stack>
                </Card>
              ))}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </ListStates>
    </>
  );
}
