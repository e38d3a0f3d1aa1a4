import { useQuery } from '@apollo/client/react';
import { Alert, Button, FileInput, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { AgreementKind, DevelopmentForm } from '../../gql/__generated__/graphql';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { AgencyMultiSelect } from '../admin/AgencyMultiSelect';
import { ALL_FORMS, MAX_DOCUMENT_BYTES, uploadAgreementDocument } from './agreementFormat';

const PartnerChoicesDocument = graphql(`
  query AgreementPartnerChoices($search: String) {
    partnerInstitutions(search: $search, first: 30) {
      nodes {
        id
        name
      }
    }
  }
`);

export interface AgreementValues {
  kind: AgreementKind;
  number: string;
  title: string;
  partnerId: string | null;
  agencyIds: string[];
  validFrom: string;
  validTo: string;
  scope: DevelopmentForm[];
  documentMode: 'keep' | 'file' | 'link';
  documentUrl: string;
}

export interface AgreementSubmit {
  kind: AgreementKind;
  number: string;
  title: string;
  partnerId: string;
  agencyIds: string[];
  validFrom: string;
  validTo: string;
  scope: DevelopmentForm[];
  /** undefined: leave the document as it is. */
  documentId?: string | null;
  documentUrl?: string | null;
}

/**
 * Create or edit an agreement. The PDF is uploaded first (its own request) and its id sent with the rest, so a
 * refused file (too large, not a PDF) leaves nothing behind and the form keeps what was typed.
 */
export function AgreementForm({
  initial, known, hasDocument, submitting, problem, onSubmit, onCancel,
}: {
  initial: AgreementValues;
  known: { partner: { id: string; name: string } | null; agencies: { id: string; name: string }[] };
  hasDocument: boolean;
  submitting: boolean;
  problem: UiError | null;
  onSubmit: (values: AgreementSubmit) => Promise<void> | void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [partnerSearch, setPartnerSearch] = useState('');
  const [debounced] = useDebouncedValue(partnerSearch, 300);
  const { data: partners } = useQuery(PartnerChoicesDocument, { variables: { search: debounced.trim() || null } });
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<AgreementValues>({
    initialValues: initial,
    validate: {
      number: (v) => (v.trim() ? null : t('errors.constraint.isNotEmpty')),
      title: (v) => (v.trim() ? null : t('errors.constraint.isNotEmpty')),
      partnerId: (v) => (v ? null : t('errors.constraint.isNotEmpty')),
      agencyIds: (v) => (v.length ? null : t('errors.constraint.isNotEmpty')),
      scope: (v) => (v.length ? null : t('errors.constraint.isNotEmpty')),
      validFrom: (v) => (v ? null : t('errors.constraint.isNotEmpty')),
      validTo: (v, all) => (!v ? t('errors.constraint.isNotEmpty') : all.validFrom && v < all.validFrom ? t('agreements.form.endsBeforeStart') : null),
      documentUrl: (v, all) => (all.documentMode === 'link' && !/^https:\/\/\S+$/i.test(v.trim()) ? t('agreements.form.httpsOnly') : null),
    },
  });
  useEffect(() => {
    if (problem) focusFirstInvalid(formRef.current);
  }, [problem]);
  const err = (name: keyof AgreementValues) => form.errors[name] ?? problem?.fields[name];
  const partnerOptions = new Map<string, string>(known.partner ? [[known.partner.id, known.partner.name]] : []);
  for (const p of partners?.partnerInstitutions.nodes ?? []) partnerOptions.set(p.id, p.name);
  const generalError = fileError ?? (problem && Object.keys(problem.fields).length === 0 ? problem.message : null);

  async function submit(v: AgreementValues) {
    setFileError(null);
    let documentId: string | null | undefined;
    let documentUrl: string | null | undefined;
    if (v.documentMode === 'file') {
      if (!file) {
        if (!hasDocument) return setFileError(t('agreements.form.chooseFile'));
      } else {
        if (file.size > MAX_DOCUMENT_BYTES) return setFileError(t('errors.DOCUMENT_TOO_LARGE'));
        setUploading(true);
        try {
          const uploaded = await uploadAgreementDocument(file, i18n.language);
          if ('code' in uploaded) return setFileError(t(`errors.${uploaded.code}`, { defaultValue: uploaded.message }));
          documentId = uploaded.id;
          documentUrl = null;
        } catch {
          return setFileError(t('errors.NETWORK'));
        } finally {
          setUploading(false);
        }
      }
    } else if (v.documentMode === 'link') {
      documentUrl = v.documentUrl.trim();
      documentId = null;
    }
    await onSubmit({
      kind: v.kind, number: v.number.trim(), title: v.title.trim(), partnerId: v.partnerId!, agencyIds: v.agencyIds,
      validFrom: v.validFrom, validTo: v.validTo, scope: v.scope, documentId, documentUrl,
    });
  }

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit((v) => void submit(v), (_errors, _values, event) => focusFirstInvalid((event?.currentTarget as HTMLElement | undefined) ?? null))}>
      <Stack gap="md">
        {generalError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {generalError}
          </Alert>
        ) : null}
        <SegmentedControl
          aria-label={t('agreements.form.kind')}
          data={[{ value: 'PKS', label: t('agreements.kind.PKS') }, { value: 'MOU', label: t('agreements.kind.MOU') }]}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('agreements.form.number')} description={t('agreements.form.numberHint')} required {...form.getInputProps('number')} error={err('number')} />
        <TextInput label={t('agreements.form.title')} required {...form.getInputProps('title')} error={err('title')} />
        <Select
          label={t('agreements.form.partner')}
          required
          searchable
          searchValue={partnerSearch}
          onSearchChange={setPartnerSearch}
          data={[...partnerOptions].map(([value, label]) => ({ value, label }))}
          nothingFoundMessage={t('agreements.form.noPartner')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('partnerId')}
          error={err('partnerId')}
        />
        <AgencyMultiSelect
          label={t('agreements.form.agencies')}
          description={t('agreements.form.agenciesHint')}
          required
          known={known.agencies}
          value={form.values.agencyIds}
          onChange={(ids) => form.setFieldValue('agencyIds', ids)}
          error={err('agencyIds')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput type="date" label={t('agreements.form.validFrom')} required {...form.getInputProps('validFrom')} error={err('validFrom')} />
          <TextInput type="date" label={t('agreements.form.validTo')} required {...form.getInputProps('validTo')} error={err('validTo')} />
        </SimpleGrid>
        <MultiSelect
          label={t('agreements.form.scope')}
          description={t('agreements.form.scopeHint')}
          required
          searchable
          data={ALL_FORMS.map((f) => ({ value: f, label: t(`enum.form.${f}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('scope')}
          error={err('scope')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="agreement-document-label">
            {t('agreements.form.document')}
          </Text>
          <SegmentedControl
            aria-labelledby="agreement-document-label"
            data={[
              ...(hasDocument ? [{ value: 'keep', label: t('agreements.form.documentKeep') }] : []),
              { value: 'file', label: t('agreements.form.documentFile') },
              { value: 'link', label: t('agreements.form.documentLink') },
            ]}
            {...form.getInputProps('documentMode')}
          />
          {form.values.documentMode === 'file' ? (
            <FileInput
              label={t('agreements.form.pdf')}
              description={t('agreements.form.pdfHint')}
              accept="application/pdf"
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
              value={file}
              onChange={setFile}
            />
          ) : null}
          {form.values.documentMode === 'link' ? (
            <TextInput label={t('agreements.form.link')} placeholder="https://" {...form.getInputProps('documentUrl')} error={err('documentUrl')} />
          ) : null}
        </Stack>
        <Group justify="flex-end" gap="sm">
          {onCancel ? <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button> : null}
          <Button type="submit" loading={submitting || uploading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
