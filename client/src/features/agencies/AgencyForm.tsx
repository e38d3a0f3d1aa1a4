import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { AgencyKind } from '../../gql/__generated__/graphql';
import { notifySuccess } from '../../ui/notify';

const CreateAgencyDocument = graphql(`
  mutation CreateAgency($input: CreateAgencyInput!) {
    createAgency(input: $input) {
      id
      name
    }
  }
`);
const UpdateAgencyDocument = graphql(`
  mutation UpdateAgency($id: ID!, $input: UpdateAgencyInput!) {
    updateAgency(id: $id, input: $input) {
      id
      code
      name
      kind
      timeZone
    }
  }
`);

const AGENCY_KINDS: AgencyKind[] = ['MINISTRY', 'NATIONAL_AGENCY', 'PROVINCE', 'REGENCY', 'CITY'];
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

type Agency = { id: string; code: string; name: string; kind: AgencyKind; timeZone: string };

/** Create or edit an agency (instansi): code, name, kind and its time zone. */
export function AgencyForm({ agency, onDone }: { agency: Agency | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<UiError | null>(null);
  const opts = { refetchQueries: ['PlatformAgencies'], awaitRefetchQueries: true };
  const [create, c] = useMutation(CreateAgencyDocument, opts);
  const [update, u] = useMutation(UpdateAgencyDocument, opts);
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: agency?.code ?? '', name: agency?.name ?? '', kind: agency?.kind ?? 'CITY', timeZone: agency?.timeZone ?? 'Asia/Jakarta' },
    validate: {
      code: (v) => (/^[A-Za-z0-9-]{2,32}$/.test(v.trim()) ? null : t('agencies.form.codeRule')),
      name: (v) => (v.trim() ? null : t('courseAdmin.form.required')),
    },
  });
  const err = (k: 'code' | 'name' | 'kind' | 'timeZone') => form.errors[k] ?? problem?.fields[k];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setProblem(null);
        const input = { code: v.code.trim().toUpperCase(), name: v.name.trim(), kind: v.kind, timeZone: v.timeZone };
        try {
          if (agency) await update({ variables: { id: agency.id, input } });
          else await create({ variables: { input } });
          notifySuccess(agency ? t('agencies.saved', { name: input.name }) : t('agencies.created', { name: input.name }));
          onDone();
        } catch (e) {
          setProblem(toUiError(e, t));
        }
      })}
    >
      <Stack>
        {problem && Object.keys(problem.fields).length === 0 ? (
          <Alert color="red" variant="light" role="alert">
            {problem.message}
          </Alert>
        ) : null}
        <TextInput label={t('agencies.form.name')} description={t('agencies.form.nameHint')} required {...form.getInputProps('name')} error={err('name')} data-autofocus />
        <TextInput label={t('agencies.form.code')} description={t('agencies.form.codeRule')} required {...form.getInputProps('code')} error={err('code')} />
        <Select label={t('agencies.form.kind')} data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`enum.agencyKind.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} error={err('kind')} comboboxProps={{ withinPortal: true }} />
        <Select label={t('agencies.form.timeZone')} data={ZONES.map((z) => ({ value: z, label: t(`agencies.zone.${z.split('/')[1]}`) }))} allowDeselect={false} {...form.getInputProps('timeZone')} error={err('timeZone')} comboboxProps={{ withinPortal: true }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={c.loading || u.loading}>
            {agency ? t('common.save') : t('agencies.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
