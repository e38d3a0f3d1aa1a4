import { Alert, Button, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { CreateCourseRunInput, EnrolmentPolicy, RunForm_RunFragment, UpdateCourseRunInput } from '../../gql/__generated__/graphql';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { isoToLocalInput, localInputToIso, timeZoneLabel } from '../../ui/format';
import { InstructorPicker } from './InstructorPicker';

/** The venues' zones: WIB, WITA, WIT. */
const VENUE_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

graphql(`
  fragment RunForm_run on CourseRun {
    id
    code
    status
    startsAt
    endsAt
    enrolmentClosesAt
    location
    timeZone
    onlineUrl
    capacity
    seatsTaken
    waitlistLength
    enrolmentPolicy
    enrolmentClosedReason
    instructors {
      id
      fullName
      partnerName
    }
  }
`);

type Values = {
  code: string;
  startsAt: string;
  endsAt: string;
  enrolmentClosesAt: string;
  location: string;
  timeZone: string;
  onlineUrl: string;
  capacity: number | string;
  enrolmentPolicy: EnrolmentPolicy;
  instructorIds: string[];
};

export type RunFormOutput = Omit<CreateCourseRunInput, 'courseId'>;

/** Only the fields that differ from the run as loaded, for updateCourseRun. */
export function changedRunFields(before: RunForm_RunFragment, after: RunFormOutput): UpdateCourseRunInput {
  const out: UpdateCourseRunInput = {};
  const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);
  if (after.code !== before.code) out.code = after.code;
  if (after.startsAt !== iso(before.startsAt)) out.startsAt = after.startsAt;
  if (after.endsAt !== iso(before.endsAt)) out.endsAt = after.endsAt;
  if (after.enrolmentClosesAt !== iso(before.enrolmentClosesAt)) out.enrolmentClosesAt = after.enrolmentClosesAt;
  if (after.location !== (before.location ?? null)) out.location = after.location;
  if (after.onlineUrl !== (before.onlineUrl ?? null)) out.onlineUrl = after.onlineUrl;
  if (after.timeZone !== before.timeZone) out.timeZone = after.timeZone;
  if (after.capacity !== before.capacity) out.capacity = after.capacity;
  if (after.enrolmentPolicy !== before.enrolmentPolicy) out.enrolmentPolicy = after.enrolmentPolicy;
  const ids = (a: readonly string[]) => JSON.stringify([...a].sort());
  if (ids((after.instructorIds ?? []).map(String)) !== ids(before.instructors.map((i) => i.id))) out.instructorIds = after.instructorIds;
  return out;
}

/** One run (angkatan): its code, when, where (a place and/or an online link), seats, how one gets in, who teaches. */
export function RunForm({
  courseId,
  run,
  saving,
  problem,
  onSubmit,
  onCancel,
}: {
  courseId: string;
  run: RunForm_RunFragment | null;
  saving: boolean;
  problem: UiError | null;
  onSubmit: (values: RunFormOutput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [localError, setLocalError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      code: run?.code ?? '',
      // Times are typed on the venue's clock (a WITA run at 13.00 is typed 13.00, wherever the admin sits).
      startsAt: isoToLocalInput(run?.startsAt, run?.timeZone ?? fmt.timeZone),
      endsAt: isoToLocalInput(run?.endsAt, run?.timeZone ?? fmt.timeZone),
      enrolmentClosesAt: isoToLocalInput(run?.enrolmentClosesAt, run?.timeZone ?? fmt.timeZone),
      location: run?.location ?? '',
      timeZone: run?.timeZone ?? fmt.timeZone,
      onlineUrl: run?.onlineUrl ?? '',
      capacity: run?.capacity ?? '',
      enrolmentPolicy: run?.enrolmentPolicy ?? 'SUPERVISOR_APPROVAL',
      instructorIds: run?.instructors.map((i) => i.id) ?? [],
    },
    validate: {
      code: (v) => (v.trim() ? null : t('courseAdmin.form.required')),
      capacity: (v) => (v === '' || (typeof v === 'number' && v >= 1) ? null : t('courseAdmin.form.capacityMin')),
      endsAt: (v, all) => (v && all.startsAt && v <= all.startsAt ? t('errors.INVALID_DATES') : null),
      enrolmentClosesAt: (v, all) => (v && all.endsAt && v > all.endsAt ? t('errors.INVALID_ENROLMENT_DEADLINE') : null),
      onlineUrl: (v) => (!v.trim() || /^https:\/\/\S+$/i.test(v.trim()) ? null : t('errors.INVALID_ONLINE_URL')),
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (problem) focusFirstInvalid(formRef.current);
  }, [problem]);
  const err = (name: keyof Values) => form.errors[name] ?? problem?.fields[name];
  const venueLabel = timeZoneLabel(form.values.timeZone);
  const generalError = localError ?? (problem && Object.keys(problem.fields).length === 0 ? problem.message : null);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (v) => {
          setLocalError(null);
          onSubmit({
            code: v.code.trim().toUpperCase(),
            startsAt: v.startsAt ? localInputToIso(v.startsAt, v.timeZone) : null,
            endsAt: v.endsAt ? localInputToIso(v.endsAt, v.timeZone) : null,
            enrolmentClosesAt: v.enrolmentClosesAt ? localInputToIso(v.enrolmentClosesAt, v.timeZone) : null,
            location: v.location.trim() || null,
            timeZone: v.timeZone,
            onlineUrl: v.onlineUrl.trim() || null,
            capacity: v.capacity === '' ? null : Number(v.capacity),
            enrolmentPolicy: v.enrolmentPolicy,
            instructorIds: v.instructorIds,
          });
        },
        (_errors, _values, event) => {
          setLocalError(t('courseAdmin.form.fixErrors'));
          focusFirstInvalid(event?.currentTarget ?? null);
        },
      )}
    >
      <Stack gap="md">
        {generalError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {generalError}
          </Alert>
        ) : null}
        <TextInput label={t('runAdmin.form.code')} description={t('runAdmin.form.codeHint')} required {...form.getInputProps('code')} error={err('code')} />
        <NativeSelect
          label={t('runAdmin.form.timeZone')}
          description={t('runAdmin.form.timeZoneHint')}
          data={VENUE_ZONES.map((zone) => ({ value: zone, label: t(`account.zone.${timeZoneLabel(zone)}`) }))}
          {...form.getInputProps('timeZone')}
          error={err('timeZone')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput type="datetime-local" label={t('courseAdmin.form.startsAt', { zone: venueLabel })} {...form.getInputProps('startsAt')} error={err('startsAt')} />
          <TextInput type="datetime-local" label={t('courseAdmin.form.endsAt', { zone: venueLabel })} {...form.getInputProps('endsAt')} error={err('endsAt')} />
        </SimpleGrid>
        <TextInput
          type="datetime-local"
          label={t('courseAdmin.form.enrolmentClosesAt', { zone: venueLabel })}
          description={t('courseAdmin.form.enrolmentClosesAtHint')}
          {...form.getInputProps('enrolmentClosesAt')}
          error={err('enrolmentClosesAt')}
        />
        <Text size="sm" c="dimmed">
          {t('courseAdmin.form.whenHint')}
        </Text>
        <TextInput label={t('course.facts.location')} description={t('runAdmin.form.locationHint')} {...form.getInputProps('location')} error={err('location')} />
        <TextInput type="url" label={t('runAdmin.form.onlineUrl')} description={t('runAdmin.form.onlineUrlHint')} {...form.getInputProps('onlineUrl')} error={err('onlineUrl')} />
        <NumberInput
          label={t('courseAdmin.form.capacity')}
          description={run && run.seatsTaken > 0 ? t('courseAdmin.form.capacityTaken', { taken: run.seatsTaken }) : t('courseAdmin.form.capacityHint')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
          error={err('capacity')}
        />
        <Radio.Group label={t('courseAdmin.form.policy')} {...form.getInputProps('enrolmentPolicy')} error={err('enrolmentPolicy')}>
          <Stack gap="xs" mt={6}>
            {(['OPEN', 'SUPERVISOR_APPROVAL', 'INVITATION'] as const).map((p) => (
              <Radio key={p} value={p} label={t(`enum.policy.${p}`)} description={t(`courseAdmin.form.policyHint.${p}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <InstructorPicker
          courseId={courseId}
          startsAt={localInputToIso(form.values.startsAt, form.values.timeZone)}
          endsAt={localInputToIso(form.values.endsAt, form.values.timeZone)}
          known={run?.instructors ?? []}
          label={t('courseAdmin.form.instructors')}
          description={t('courseAdmin.form.instructorsHint')}
          value={form.values.instructorIds}
          onChange={(ids) => form.setFieldValue('instructorIds', ids)}
          error={err('instructorIds')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {run ? t('common.save') : t('runAdmin.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
