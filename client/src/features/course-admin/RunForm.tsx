import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, MultiSelect, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { CreateCourseRunInput, EnrolmentPolicy, RunForm_RunFragment, UpdateCourseRunInput } from '../../gql/__generated__/graphql';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { isoToLocalInput, localInputToIso, timeZoneLabel } from '../../ui/format';

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

// Who may teach a run of this course on the dates typed so far (the server's agreement gate lets the same people through).
const RunFormChoicesDocument = graphql(`
  query RunFormChoices($courseId: ID!, $startsAt: DateTimeISO, $endsAt: DateTimeISO, $search: String) {
    assignableInstructors(courseId: $courseId, startsAt: $startsAt, endsAt: $endsAt, search: $search, first: 50) {
      nodes {
        personId
        fullName
        positionTitle
        partnerName
        agreementNumber
        agreementKind
      }
    }
  }
`);

/** "PKS 12/2026"; a number that already starts with its kind ("PKS/001/UI/2025") is shown as it is. */
function agreementLabel(kind: string | null | undefined, number: string): string {
  return !kind || number.toUpperCase().startsWith(kind) ? number : `${kind} ${number}`;
}

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
  const [instructorSearch, setInstructorSearch] = useState('');
  // Everyone offered so far, labelled without an agreement: a chosen person a later search or date leaves out keeps a name.
  const [seen] = useState(() => new Map<string, string>());
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
      onlineUrl: (v) => (!v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : t('errors.INVALID_ONLINE_URL')),
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (problem) focusFirstInvalid(formRef.current);
  }, [problem]);
  const err = (name: keyof Values) => form.errors[name] ?? problem?.fields[name];
  const venueLabel = timeZoneLabel(form.values.timeZone);
  // The choices follow the dates (and the search) as they are typed, a moment after the typing stops.
  // (Debounced as a string: a new object every render would never settle.)
  const [choiceKey] = useDebouncedValue(JSON.stringify([
    localInputToIso(form.values.startsAt, form.values.timeZone), localInputToIso(form.values.endsAt, form.values.timeZone), instructorSearch.trim() || null,
  ]), 300);
  const [startsAt, endsAt, search] = JSON.parse(choiceKey) as (string | null)[];
  const { data: choices } = useQuery(RunFormChoicesDocument, { variables: { courseId, startsAt, endsAt, search } });
  for (const i of run?.instructors ?? []) if (!seen.has(i.id)) seen.set(i.id, i.partnerName ? t('runAdmin.form.instructorOfPartner', { name: i.fullName, partner: i.partnerName }) : i.fullName);
  const offered = (choices?.assignableInstructors.nodes ?? []).map((p) => {
    const plain = p.partnerName ? t('runAdmin.form.instructorOfPartner', { name: p.fullName, partner: p.partnerName }) : [p.fullName, p.positionTitle].filter(Boolean).join(' — ');
    seen.set(p.personId, plain);
    const label = p.agreementNumber
      ? t('runAdmin.form.instructorOffer', { name: p.fullName, partner: p.partnerName ?? '', agreement: agreementLabel(p.agreementKind, p.agreementNumber) })
      : plain;
    return { value: p.personId, label };
  });
  // Those chosen but not offered now stay listed (and selected): saving them shows the server's agreement message.
  const offeredIds = new Set(offered.map((o) => o.value));
  const instructorData = [...offered, ...form.values.instructorIds.filter((id) => !offeredIds.has(id)).map((id) => ({ value: id, label: seen.get(id) ?? id }))];
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
        <MultiSelect
          label={t('courseAdmin.form.instructors')}
          description={t('courseAdmin.form.instructorsHint')}
          searchable
          searchValue={instructorSearch}
          onSearchChange={setInstructorSearch}
          // The server searches (typos forgiven): its answer is shown as it is; those only chosen are matched here.
          filter={({ options, search: typed }) => options.filter((o) => !('value' in o) || offeredIds.has(o.value) || o.label.toLowerCase().includes(typed.trim().toLowerCase()))}
          nothingFoundMessage={t('runAdmin.form.noInstructorFound')}
          data={instructorData}
          {...form.getInputProps('instructorIds')}
          error={err('instructorIds')}
          comboboxProps={{ withinPortal: true }}
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
