import { Alert, Button, Chip, Group, List, NativeSelect, NumberInput, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CreateRunSeriesInput, EnrolmentPolicy, SeriesForm_SeriesFragment } from '../../gql/__generated__/graphql';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { localInputToIso, timeZoneLabel } from '../../ui/format';
import { InstructorPicker } from '../course-admin/InstructorPicker';
import { addMinutes, minutesBetween, parseRule, previewDates, ruleText, WEEKDAYS, WEEKS_OF_MONTH, type RuleChoice, type SeriesFrequency, type WeekdayCode } from './SeriesRule';
import { useSeriesWords } from './SeriesWords';

const VENUE_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

graphql(`
  fragment SeriesForm_series on RunSeries {
    id
    title
    rrule
    startsOn
    startTime
    durationMinutes
    timeZone
    untilOn
    occurrenceCount
    codePattern
    capacity
    enrolmentPolicy
    room
    address
    onlineUrl
    instructors {
      id
      fullName
      partnerName
    }
  }
`);

type Values = {
  title: string;
  frequency: SeriesFrequency;
  weekdays: WeekdayCode[];
  weekOfMonth: string;
  startsOn: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  end: 'until' | 'count';
  untilOn: string;
  occurrenceCount: number | string;
  codePattern: string;
  capacity: number | string;
  enrolmentPolicy: EnrolmentPolicy;
  room: string;
  address: string;
  onlineUrl: string;
  instructorIds: string[];
  reason: string;
};

export type SeriesFormOutput = Omit<CreateRunSeriesInput, 'courseId'> & { reason?: string | null };

const tomorrow = () => new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * A recurring forum: "Setiap Selasa pertama setiap bulan, 13.00–15.00 WIB" built from its parts (weekly or monthly,
 * the day and which week of the month, the time on the venue's clock, its zone, until when), with the next dates
 * previewed by the same rule before saving; and what every occurrence copies (place or link, seats, how one joins).
 */
export function SeriesForm({ courseId, series, saving, problem, onSubmit, onCancel }: {
  courseId: string;
  series: SeriesForm_SeriesFragment | null;
  saving: boolean;
  problem: UiError | null;
  onSubmit: (values: SeriesFormOutput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const words = useSeriesWords();
  const parsed: RuleChoice = (series && parseRule(series.rrule)) ?? { frequency: 'MONTHLY', weekdays: ['TU'], weekOfMonth: 1 };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: series?.title ?? '',
      frequency: parsed.frequency,
      weekdays: parsed.weekdays,
      weekOfMonth: String(parsed.weekOfMonth),
      startsOn: series?.startsOn ?? tomorrow(),
      startTime: series?.startTime ?? '13:00',
      endTime: addMinutes(series?.startTime ?? '13:00', series?.durationMinutes ?? 120),
      timeZone: series?.timeZone ?? 'Asia/Jakarta',
      end: series?.occurrenceCount ? 'count' : 'until',
      untilOn: series?.untilOn ?? '',
      occurrenceCount: series?.occurrenceCount ?? 12,
      codePattern: series?.codePattern ?? '{YYYY}-{MM}',
      capacity: series?.capacity ?? '',
      enrolmentPolicy: series?.enrolmentPolicy ?? 'OPEN',
      room: series?.room ?? '',
      address: series?.address ?? '',
      onlineUrl: series?.onlineUrl ?? '',
      instructorIds: series?.instructors.map((i) => i.id) ?? [],
      reason: '',
    },
    validate: {
      weekdays: (v) => (v.length ? null : t('series.form.weekdaysRequired')),
      startsOn: (v) => (v ? null : t('courseAdmin.form.required')),
      endTime: (v, all) => (minutesBetween(all.startTime, v) ? null : t('series.form.endTimeAfter')),
      untilOn: (v, all) => (all.end === 'until' && !v ? t('courseAdmin.form.required') : all.end === 'until' && v < all.startsOn ? t('errors.INVALID_DATES') : null),
      occurrenceCount: (v, all) => (all.end === 'count' && !(typeof v === 'number' && v >= 1 && v <= 60) ? t('series.form.countRange') : null),
      codePattern: (v) => (v.trim() ? null : t('courseAdmin.form.required')),
      capacity: (v) => (v === '' || (typeof v === 'number' && v >= 1) ? null : t('courseAdmin.form.capacityMin')),
      onlineUrl: (v) => (!v.trim() || /^https:\/\/\S+$/i.test(v.trim()) ? null : t('errors.INVALID_ONLINE_URL')),
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (problem) focusFirstInvalid(formRef.current);
  }, [problem]);
  const v = form.values;
  const choice: RuleChoice = { frequency: v.frequency, weekdays: v.frequency === 'MONTHLY' ? v.weekdays.slice(0, 1) : v.weekdays, weekOfMonth: Number(v.weekOfMonth) };
  // A stored rule the form cannot show (written through the API) is kept unless the admin changes the pattern.
  const rule = v.weekdays.length ? ruleText(choice) : null;
  const count = typeof v.occurrenceCount === 'number' ? v.occurrenceCount : null;
  const preview = rule ? previewDates(rule, v.startsOn, v.startTime, v.end === 'until' ? v.untilOn || null : null, v.end === 'count' ? count : null) : [];
  const zone = timeZoneLabel(v.timeZone);
  // Instructors are asked for over the dates still to come (an edit changes only those), first to last.
  const today = new Date().toISOString().slice(0, 10);
  const planned = rule ? previewDates(rule, v.startsOn, v.startTime, v.end === 'until' ? v.untilOn || null : null, v.end === 'count' ? count : null, 400).filter((d) => d >= today) : [];
  const teachFrom = planned.length ? localInputToIso(`${planned[0]}T${v.startTime}`, v.timeZone) : null;
  const teachTo = planned.length ? localInputToIso(`${planned[planned.length - 1]}T${v.endTime}`, v.timeZone) : null;
  const sameIds = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  const err = (name: keyof Values | 'rrule' | 'durationMinutes') => (name in form.errors ? form.errors[name] : undefined) ?? problem?.fields[name];
  const generalError = problem && Object.keys(problem.fields).length === 0 ? problem.message : null;
  const fieldError = problem?.fields.rrule ?? problem?.fields.durationMinutes ?? null;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) => onSubmit({
          title: values.title.trim() || null,
          rrule: rule,
          startsOn: values.startsOn,
          startTime: values.startTime,
          durationMinutes: minutesBetween(values.startTime, values.endTime),
          timeZone: values.timeZone,
          untilOn: values.end === 'until' ? values.untilOn : null,
          occurrenceCount: values.end === 'count' ? Number(values.occurrenceCount) : null,
          codePattern: values.codePattern.trim(),
          capacity: values.capacity === '' ? null : Number(values.capacity),
          enrolmentPolicy: values.enrolmentPolicy,
          room: values.room.trim() || null,
          address: values.address.trim() || null,
          onlineUrl: values.onlineUrl.trim() || null,
          // Left out of an edit when untouched, so the occurrences keep the instructors they have.
          ...(!series || !sameIds(values.instructorIds, series.instructors.map((i) => i.id)) ? { instructorIds: values.instructorIds } : {}),
          ...(series ? { reason: values.reason.trim() || null } : {}),
        }),
        (_errors, _values, event) => focusFirstInvalid(event?.currentTarget ?? null),
      )}
    >
      <Stack gap="md">
        {generalError || fieldError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {generalError ?? fieldError}
          </Alert>
        ) : null}
        {series ? <Text size="sm" c="dimmed">{t('series.form.editNote')}</Text> : null}
        <TextInput label={t('series.form.title')} description={t('series.form.titleHint')} {...form.getInputProps('title')} error={err('title')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="series-frequency">{t('series.form.frequency')}</Text>
          <SegmentedControl
            aria-labelledby="series-frequency"
            data={[{ value: 'MONTHLY', label: t('series.form.monthly') }, { value: 'WEEKLY', label: t('series.form.weekly') }]}
            {...form.getInputProps('frequency')}
          />
        </Stack>
        {v.frequency === 'MONTHLY' ? (
          <SimpleGrid cols={2} spacing="sm">
            <NativeSelect
              label={t('series.form.weekOfMonth')}
              data={WEEKS_OF_MONTH.map((n) => ({ value: String(n), label: t(`series.ordinal.${n}`) }))}
              {...form.getInputProps('weekOfMonth')}
            />
            <NativeSelect
              label={t('series.form.weekday')}
              data={WEEKDAYS.map((d) => ({ value: d, label: t(`series.weekday.${d}`) }))}
              value={v.weekdays[0] ?? 'TU'}
              onChange={(e) => form.setFieldValue('weekdays', [e.currentTarget.value as WeekdayCode])}
            />
          </SimpleGrid>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="series-weekdays">{t('series.form.weekdays')}</Text>
            <Chip.Group multiple value={v.weekdays} onChange={(value) => form.setFieldValue('weekdays', WEEKDAYS.filter((d) => value.includes(d)))}>
              <Group gap={6} role="group" aria-labelledby="series-weekdays">
                {WEEKDAYS.map((d) => <Chip key={d} value={d} size="sm">{t(`series.weekday.${d}`)}</Chip>)}
              </Group>
            </Chip.Group>
            {form.errors.weekdays ? <Text size="sm" c="red.8" role="alert">{form.errors.weekdays}</Text> : null}
          </Stack>
        )}
        <NativeSelect
          label={t('series.form.timeZone')}
          data={VENUE_ZONES.map((z) => ({ value: z, label: t(`account.zone.${timeZoneLabel(z)}`) }))}
          {...form.getInputProps('timeZone')}
          error={err('timeZone')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="time" label={t('series.form.startTime', { zone })} {...form.getInputProps('startTime')} error={err('startTime')} />
          <TextInput type="time" label={t('series.form.endTime', { zone })} {...form.getInputProps('endTime')} error={err('endTime')} />
        </SimpleGrid>
        <TextInput type="date" label={t('series.form.startsOn')} {...form.getInputProps('startsOn')} error={err('startsOn')} />
        <Radio.Group label={t('series.form.end')} {...form.getInputProps('end')}>
          <Group gap="md" mt={6}>
            <Radio value="until" label={t('series.form.endUntil')} />
            <Radio value="count" label={t('series.form.endCount')} />
          </Group>
        </Radio.Group>
        {v.end === 'until' ? (
          <TextInput type="date" label={t('series.form.untilOn')} description={t('series.form.boundHint')} {...form.getInputProps('untilOn')} error={err('untilOn')} />
        ) : (
          <NumberInput label={t('series.form.count')} description={t('series.form.boundHint')} min={1} max={60} allowDecimal={false} {...form.getInputProps('occurrenceCount')} error={err('occurrenceCount')} />
        )}
        <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
          <Text fw={600} size="sm">{rule ? words.describe(rule, v.startTime, minutesBetween(v.startTime, v.endTime) ?? 0, v.timeZone) : t('series.form.weekdaysRequired')}</Text>
          <Text size="sm" c="dimmed" mt={4}>{t('series.form.preview')}</Text>
          {preview.length ? (
            <List size="sm" spacing={2} mt={4}>
              {preview.map((d) => <List.Item key={d}>{words.date(d)}</List.Item>)}
            </List>
          ) : (
            <Text size="sm">{t('series.form.previewNone')}</Text>
          )}
        </Paper>
        <TextInput label={t('series.form.codePattern')} description={t('series.form.codePatternHint')} {...form.getInputProps('codePattern')} error={err('codePattern')} />
        <TextInput label={t('series.form.room')} {...form.getInputProps('room')} error={err('room')} />
        <TextInput label={t('series.form.address')} {...form.getInputProps('address')} error={err('address')} />
        <TextInput type="url" label={t('runAdmin.form.onlineUrl')} description={t('runAdmin.form.onlineUrlHint')} {...form.getInputProps('onlineUrl')} error={err('onlineUrl')} />
        <NumberInput label={t('series.form.capacity')} description={t('series.form.capacityHint')} min={1} allowDecimal={false} {...form.getInputProps('capacity')} error={err('capacity')} />
        <NativeSelect
          label={t('courseAdmin.form.policy')}
          data={(['OPEN', 'SUPERVISOR_APPROVAL', 'INVITATION'] as const).map((p) => ({ value: p, label: t(`enum.policy.${p}`) }))}
          {...form.getInputProps('enrolmentPolicy')}
        />
        <InstructorPicker
          courseId={courseId}
          startsAt={teachFrom}
          endsAt={teachTo}
          known={series?.instructors ?? []}
          label={t('series.form.instructors')}
          description={t('series.form.instructorsHint')}
          value={form.values.instructorIds}
          onChange={(ids) => form.setFieldValue('instructorIds', ids)}
          error={err('instructorIds')}
        />
        {series ? <TextInput label={t('series.form.reason')} description={t('series.form.reasonHint')} {...form.getInputProps('reason')} error={err('reason')} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={saving}>{series ? t('common.save') : t('series.form.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
