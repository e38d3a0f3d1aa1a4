import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, PasswordInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import type { UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { PersonForm_PersonFragment, UpdatePersonInput } from '../../gql/__generated__/graphql';
import { PersonSearchSelect } from './PersonSearchSelect';
import { nipDigits, PNS_RANKS, PPPK_GRADES } from './ranks';
import { usePersonMutations } from './usePersonMutations';

graphql(`
  fragment PersonForm_person on Person {
    id
    fullName
    nip
    nipMasked
    email
    employmentType
    positionTitle
    rank
    active
    orgUnit {
      id
      name
    }
    supervisor {
      id
      fullName
    }
  }
`);

export const OrgUnitChoicesDocument = graphql(`
  query OrgUnitChoices($agencyId: ID!) {
    orgUnits(agencyId: $agencyId) {
      id
      name
      depth
    }
  }
`);

type Values = {
  fullName: string;
  employmentType: 'PNS' | 'PPPK';
  nip: string;
  email: string;
  orgUnitId: string | null;
  supervisorId: string | null;
  positionTitle: string;
  rank: string | null;
  initialPassword: string;
};

/** Create or edit a civil servant of an agency. Server problems appear under the field they concern. */
export function PersonForm({ agencyId, person, onDone }: { agencyId: string; person: PersonForm_PersonFragment | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { create, update, saving } = usePersonMutations();
  const [problem, setProblem] = useState<UiError | null>(null);
  const { data: units } = useQuery(OrgUnitChoicesDocument, { variables: { agencyId }, fetchPolicy: 'cache-first' });
  const initial: Values = {
    fullName: person?.fullName ?? '',
    employmentType: person?.employmentType === 'PPPK' ? 'PPPK' : 'PNS',
    nip: person && !person.nipMasked ? (person.nip ?? '') : '',
    email: person?.email ?? '',
    orgUnitId: person?.orgUnit?.id ?? null,
    supervisorId: person?.supervisor?.id ?? null,
    positionTitle: person?.positionTitle ?? '',
    rank: person?.rank ?? null,
    initialPassword: '',
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      fullName: (v) => (v.trim() ? null : t('people.form.nameRequired')),
      nip: (v) => (nipDigits(v).length === 18 && /^\d+$/.test(nipDigits(v)) ? null : t('people.form.nip18')),
      email: (v) => (!v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('errors.constraint.isEmail')),
      initialPassword: (v) => (person || v.length >= 8 ? null : t('people.form.passwordMin')),
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (problem) focusFirstInvalid(formRef.current);
  }, [problem]);
  const digits = nipDigits(form.values.nip);
  const ranks = form.values.employmentType === 'PPPK' ? PPPK_GRADES : PNS_RANKS;
  const fieldError = (name: keyof Values) => form.errors[name] ?? problem?.fields[name];

  async function submit(v: Values) {
    setProblem(null);
    let result: UiError | null;
    if (!person) {
      result = await create({
        agencyId,
        fullName: v.fullName.trim(),
        employmentType: v.employmentType,
        nip: nipDigits(v.nip),
        email: v.email.trim() || null,
        orgUnitId: v.orgUnitId,
        supervisorId: v.supervisorId,
        positionTitle: v.positionTitle.trim() || null,
        rank: v.rank,
        initialPassword: v.initialPassword,
      });
    } else {
      // Only what changed: the server leaves the rest as it is.
      const input: UpdatePersonInput = {};
      if (v.fullName.trim() !== initial.fullName) input.fullName = v.fullName.trim();
      if (v.employmentType !== initial.employmentType) input.employmentType = v.employmentType;
      if (nipDigits(v.nip) !== nipDigits(initial.nip)) input.nip = nipDigits(v.nip);
      if (v.email.trim() !== initial.email) input.email = v.email.trim() || null;
      if (v.orgUnitId !== initial.orgUnitId) input.orgUnitId = v.orgUnitId;
      if (v.supervisorId !== initial.supervisorId) input.supervisorId = v.supervisorId;
      if (v.positionTitle.trim() !== initial.positionTitle) input.positionTitle = v.positionTitle.trim() || null;
      if (v.rank !== initial.rank) input.rank = v.rank;
      result = Object.keys(input).length ? await update(person.id, input, v.fullName.trim()) : null;
    }
    if (result) setProblem(result);
    else onDone();
  }

  const generalError = problem && Object.keys(problem.fields).length === 0 ? problem.message : null;

  return (
    <form ref={formRef} onSubmit={form.onSubmit(submit, (_errors, _values, event) => focusFirstInvalid(event?.currentTarget ?? null))} noValidate>
      <Stack gap="md">
        {generalError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {generalError}
          </Alert>
        ) : null}
        <TextInput label={t('people.form.fullName')} description={t('people.form.fullNameHint')} required {...form.getInputProps('fullName')} error={fieldError('fullName')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} component="label" id="employment-label">
            {t('people.form.employmentType')}
          </Text>
          <SegmentedControl
            aria-labelledby="employment-label"
            data={[
              { value: 'PNS', label: 'PNS' },
              { value: 'PPPK', label: 'PPPK' },
            ]}
            {...form.getInputProps('employmentType')}
            onChange={(v) => {
              form.setFieldValue('employmentType', v as Values['employmentType']);
              form.setFieldValue('rank', null);
            }}
          />
        </Stack>
        <TextInput
          label={t('people.form.nip')}
          description={t('people.form.nipHint', { count: digits.length })}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          {...form.getInputProps('nip')}
          error={fieldError('nip')}
        />
        <TextInput label={t('people.form.email')} description={t('common.optional')} type="email" autoComplete="off" {...form.getInputProps('email')} error={fieldError('email')} />
        <Select
          label={t('people.form.orgUnit')}
          searchable
          clearable
          data={(units?.orgUnits ?? []).map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }))}
          {...form.getInputProps('orgUnitId')}
          error={fieldError('orgUnitId')}
          comboboxProps={{ withinPortal: true }}
        />
        <PersonSearchSelect
          label={t('people.form.supervisor')}
          description={t('people.form.supervisorHint')}
          agencyId={agencyId}
          value={form.values.supervisorId}
          onChange={(v) => form.setFieldValue('supervisorId', v)}
          initial={person?.supervisor ?? null}
          exclude={person ? [person.id] : []}
          error={fieldError('supervisorId')}
        />
        <TextInput label={t('people.form.position')} description={t('people.form.positionHint')} {...form.getInputProps('positionTitle')} error={fieldError('positionTitle')} />
        <Select
          label={form.values.employmentType === 'PPPK' ? t('people.form.grade') : t('people.form.rank')}
          clearable
          data={ranks}
          {...form.getInputProps('rank')}
          error={fieldError('rank')}
          comboboxProps={{ withinPortal: true }}
        />
        {!person ? (
          <PasswordInput
            label={t('people.form.initialPassword')}
            description={t('people.form.initialPasswordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('initialPassword')}
            error={fieldError('initialPassword')}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {person ? t('common.save') : t('people.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
