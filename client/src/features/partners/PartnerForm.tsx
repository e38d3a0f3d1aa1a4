import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { PartnerKind } from '../../gql/__generated__/graphql';
import { notifySuccess } from '../../ui/notify';

const CreatePartnerDocument = graphql(`
  mutation CreatePartnerInstitution($input: CreatePartnerInstitutionInput!) {
    createPartnerInstitution(input: $input) {
      id
      name
    }
  }
`);
const UpdatePartnerDocument = graphql(`
  mutation UpdatePartnerInstitution($id: ID!, $input: UpdatePartnerInstitutionInput!) {
    updatePartnerInstitution(id: $id, input: $input) {
      id
      code
      name
      kind
      city
      website
      contactEmail
      contactPhone
    }
  }
`);

const PARTNER_KINDS: PartnerKind[] = ['UNIVERSITY', 'TRAINING_INSTITUTE', 'GOVERNMENT_TRAINING_CENTRE', 'NGO'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface PartnerFields {
  id: string;
  code: string;
  name: string;
  kind: PartnerKind;
  city?: string | null;
  website?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

/**
 * Create or edit a partner institution. `identityLocked`: a partner admin edits their own profile, where code and
 * kind are the platform's to decide (the server refuses them too).
 */
export function PartnerForm({ partner, identityLocked = false, onDone }: { partner: PartnerFields | null; identityLocked?: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<UiError | null>(null);
  const opts = { refetchQueries: ['PlatformPartners', 'PartnerProfile'], awaitRefetchQueries: true };
  const [create, c] = useMutation(CreatePartnerDocument, opts);
  const [update, u] = useMutation(UpdatePartnerDocument, opts);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      code: partner?.code ?? '', name: partner?.name ?? '', kind: partner?.kind ?? 'UNIVERSITY', city: partner?.city ?? '',
      website: partner?.website ?? '', contactEmail: partner?.contactEmail ?? '', contactPhone: partner?.contactPhone ?? '',
    },
    validate: {
      code: (v) => (/^[A-Za-z0-9-]{2,32}$/.test(v.trim()) ? null : t('partners.form.codeRule')),
      name: (v) => (v.trim() ? null : t('partners.form.required')),
      website: (v) => (!v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : t('partners.form.websiteRule')),
      contactEmail: (v) => (!v.trim() || EMAIL.test(v.trim()) ? null : t('partners.form.emailRule')),
    },
  });
  type Key = keyof typeof form.values;
  const err = (k: Key) => form.errors[k] ?? problem?.fields[k];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setProblem(null);
        const contact = {
          name: v.name.trim(), city: v.city.trim() || null, website: v.website.trim() || null,
          contactEmail: v.contactEmail.trim() || null, contactPhone: v.contactPhone.trim() || null,
        };
        try {
          if (partner) await update({ variables: { id: partner.id, input: identityLocked ? contact : { ...contact, code: v.code.trim().toUpperCase(), kind: v.kind } } });
          else await create({ variables: { input: { ...contact, code: v.code.trim().toUpperCase(), kind: v.kind } } });
          notifySuccess(partner ? t('partners.saved', { name: contact.name }) : t('partners.created', { name: contact.name }));
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
        <TextInput label={t('partners.form.name')} required {...form.getInputProps('name')} error={err('name')} data-autofocus />
        {identityLocked ? null : (
          <>
            <TextInput label={t('partners.form.code')} description={t('partners.form.codeRule')} required {...form.getInputProps('code')} error={err('code')} />
            <Select
              label={t('partners.form.kind')}
              data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`enum.partnerKind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              error={err('kind')}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        )}
        <TextInput label={t('partners.form.city')} {...form.getInputProps('city')} error={err('city')} />
        <TextInput label={t('partners.form.website')} description={t('partners.form.websiteRule')} type="url" {...form.getInputProps('website')} error={err('website')} />
        <TextInput label={t('partners.form.contactEmail')} type="email" {...form.getInputProps('contactEmail')} error={err('contactEmail')} />
        <TextInput label={t('partners.form.contactPhone')} type="tel" {...form.getInputProps('contactPhone')} error={err('contactPhone')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={c.loading || u.loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
