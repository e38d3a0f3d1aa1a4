import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { Role } from '../../gql/__generated__/graphql';
import { notifySuccess } from '../../ui/notify';

const InviteDocument = graphql(`
  mutation InvitePartnerStaff($input: InvitePartnerStaffInput!) {
    invitePartnerStaff(input: $input) {
      id
      email
      status
    }
  }
`);
const UpdateStaffDocument = graphql(`
  mutation UpdatePartnerStaff($id: ID!, $input: UpdatePartnerStaffInput!) {
    updatePartnerStaff(id: $id, input: $input) {
      id
      fullName
      nidn
      positionTitle
    }
  }
`);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NIDN = /^\d{10}$/;
const refetch = { refetchQueries: ['PartnerStaff', 'PartnerInvitations'], awaitRefetchQueries: true };

function FormAlert({ problem }: { problem: UiError | null }) {
  return problem && Object.keys(problem.fields).length === 0 ? (
    <Alert color="red" variant="light" role="alert">
      {problem.message}
    </Alert>
  ) : null;
}

/** Invite someone by e-mail; platform admins may invite a partner admin. */
export function InviteForm({ partnerId, mayInviteAdmins, onDone }: { partnerId: string; mayInviteAdmins: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<UiError | null>(null);
  const [invite, { loading }] = useMutation(InviteDocument, refetch);
  const form = useForm({
    mode: 'controlled',
    initialValues: { fullName: '', email: '', nidn: '', role: 'INSTRUCTOR' as Role },
    validate: {
      fullName: (v) => (v.trim() ? null : t('partners.form.required')),
      email: (v) => (EMAIL.test(v.trim()) ? null : t('partners.form.emailRule')),
      nidn: (v) => (!v.trim() || NIDN.test(v.trim()) ? null : t('partners.nidnRule')),
    },
  });
  const err = (k: keyof typeof form.values) => form.errors[k] ?? problem?.fields[k];
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setProblem(null);
        try {
          const email = v.email.trim();
          await invite({ variables: { input: { partnerId, email, fullName: v.fullName.trim(), nidn: v.nidn.trim() || null, role: v.role } } });
          notifySuccess(t('partners.invited', { email }));
          onDone();
        } catch (e) {
          setProblem(toUiError(e, t));
        }
      })}
    >
      <Stack>
        <Text size="sm">{t('partners.inviteBody')}</Text>
        <FormAlert problem={problem} />
        <TextInput label={t('partners.fullName')} required {...form.getInputProps('fullName')} error={err('fullName')} data-autofocus />
        <TextInput label={t('partners.email')} type="email" required {...form.getInputProps('email')} error={err('email')} />
        <TextInput label={t('partners.nidn')} description={t('partners.nidnHint')} inputMode="numeric" maxLength={10} {...form.getInputProps('nidn')} error={err('nidn')} />
        {mayInviteAdmins ? (
          <Select
            label={t('partners.role')}
            data={(['INSTRUCTOR', 'PARTNER_ADMIN'] as const).map((r) => ({ value: r, label: t(`enum.role.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('partners.invite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface StaffFields {
  id: string;
  fullName: string;
  nidn?: string | null;
  positionTitle?: string | null;
}

export function StaffForm({ staff, onDone }: { staff: StaffFields; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<UiError | null>(null);
  const [update, { loading }] = useMutation(UpdateStaffDocument, refetch);
  const form = useForm({
    mode: 'controlled',
    initialValues: { fullName: staff.fullName, nidn: staff.nidn ?? '', positionTitle: staff.positionTitle ?? '' },
    validate: {
      fullName: (v) => (v.trim() ? null : t('partners.form.required')),
      nidn: (v) => (!v.trim() || NIDN.test(v.trim()) ? null : t('partners.nidnRule')),
    },
  });
  const err = (k: keyof typeof form.values) => form.errors[k] ?? problem?.fields[k];
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setProblem(null);
        try {
          await update({ variables: { id: staff.id, input: { fullName: v.fullName.trim(), nidn: v.nidn.trim() || null, positionTitle: v.positionTitle.trim() || null } } });
          notifySuccess(t('partners.staffSaved', { name: v.fullName.trim() }));
          onDone();
        } catch (e) {
          setProblem(toUiError(e, t));
        }
      })}
    >
      <Stack>
        <FormAlert problem={problem} />
        <TextInput label={t('partners.fullName')} required {...form.getInputProps('fullName')} error={err('fullName')} data-autofocus />
        <TextInput label={t('partners.nidn')} description={t('partners.nidnHint')} inputMode="numeric" maxLength={10} {...form.getInputProps('nidn')} error={err('nidn')} />
        <TextInput label={t('partners.position')} {...form.getInputProps('positionTitle')} error={err('positionTitle')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
