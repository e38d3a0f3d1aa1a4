import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import type { UiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import type { AttendanceCredit, CourseForm_CourseFragment, CourseKind, CourseVisibility, DeliveryMode, DevelopmentForm, UpdateCourseInput } from '../../gql/__generated__/graphql';
import { AgencyMultiSelect } from '../admin/AgencyMultiSelect';
import { ALL_FORMS } from '../catalogue/filters';

graphql(`
  fragment CourseForm_course on Course {
    id
    code
    title
    description
    form
    formGroup
    delivery
    jp
    competencyTags
    visibility
    costPerParticipant
    kind
    attendanceCredit
    fixedJp
    minAttendancePercent
    status
    canManage
    owner {
      id
      name
      kind
    }
    visibleToAgencies {
      id
      name
    }
  }
`);

const CourseFormChoicesDocument = graphql(`
  query CourseFormChoices {
    competencyTags {
      tag
    }
  }
`);

const GROUPS: Record<string, DevelopmentForm[]> = {
  EDUCATION: ['DEGREE_STUDY'],
  CLASSROOM: ALL_FORMS.slice(1, 12),
  NON_CLASSROOM: ALL_FORMS.slice(12),
};

type Values = {
  code: string;
  title: string;
  description: string;
  form: DevelopmentForm;
  delivery: DeliveryMode;
  jp: number | string;
  competencyTags: string[];
  visibility: CourseVisibility;
  visibleToAgencyIds: string[];
  costPerParticipant: number | string;
  kind: CourseKind;
  attendanceCredit: AttendanceCredit;
  fixedJp: number | string;
  minAttendancePercent: number | string;
};

export interface CourseFormOutput {
  code: string;
  title: string;
  description: string;
  form: DevelopmentForm;
  delivery: DeliveryMode;
  jp: number;
  competencyTags: string[];
  visibility: CourseVisibility;
  visibleToAgencyIds: string[];
  costPerParticipant: number;
  /** Only on creating: a course's kind is fixed once created (updateCourse has no kind). */
  kind: CourseKind;
  attendanceCredit?: AttendanceCredit;
  fixedJp?: number | null;
  minAttendancePercent?: number;
}

/** Only the fields that differ from the course as loaded, for updateCourse. */
export function changedFields(before: CourseForm_CourseFragment, after: CourseFormOutput): UpdateCourseInput {
  const out: UpdateCourseInput = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (after.code !== before.code) out.code = after.code;
  if (after.title !== before.title) out.title = after.title;
  if (after.description !== before.description) out.description = after.description;
  if (after.form !== before.form) out.form = after.form;
  if (after.delivery !== before.delivery) out.delivery = after.delivery;
  if (after.jp !== before.jp) out.jp = after.jp;
  if (!same(after.competencyTags, before.competencyTags)) out.competencyTags = after.competencyTags;
  if (after.visibility !== before.visibility) out.visibility = after.visibility;
  if (!same([...after.visibleToAgencyIds].sort(), before.visibleToAgencies.map((a) => a.id).sort())) out.visibleToAgencyIds = after.visibleToAgencyIds;
  if (after.costPerParticipant !== before.costPerParticipant) out.costPerParticipant = after.costPerParticipant;
  if (after.attendanceCredit && after.attendanceCredit !== before.attendanceCredit) out.attendanceCredit = after.attendanceCredit;
  if (after.fixedJp !== undefined && after.fixedJp !== before.fixedJp) out.fixedJp = after.fixedJp;
  if (after.minAttendancePercent !== undefined && after.minAttendancePercent !== before.minAttendancePercent) out.minAttendancePercent = after.minAttendancePercent;
  return out;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" bg="white" component="section" aria-labelledby={id}>
      <Title order={2} fz="md" mb="sm" id={id}>
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/** What a course is (its runs, with dates, place and seats, are edited apart: RunsSection); problems show under their field. */
export function CourseForm({
  course,
  saving,
  problem,
  onSubmit,
  onCancel,
}: {
  course: CourseForm_CourseFragment | null;
  saving: boolean;
  problem: UiError | null;
  onSubmit: (values: CourseFormOutput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [localError, setLocalError] = useState<string | null>(null);
  const { data: choices } = useQuery(CourseFormChoicesDocument, { fetchPolicy: 'cache-first' });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      code: course?.code ?? '',
      title: course?.title ?? '',
      description: course?.description ?? '',
      form: course?.form ?? 'TECHNICAL_TRAINING',
      delivery: course?.delivery ?? 'IN_PERSON',
      jp: course?.jp ?? '',
      competencyTags: course?.competencyTags ?? [],
      visibility: course?.visibility ?? 'OWN_AGENCY',
      visibleToAgencyIds: course?.visibleToAgencies.map((a) => a.id) ?? [],
      costPerParticipant: course?.costPerParticipant ?? 0,
      kind: course?.kind ?? 'COURSE',
      attendanceCredit: course?.attendanceCredit ?? 'ATTENDED_MINUTES',
      fixedJp: course?.fixedJp ?? '',
      minAttendancePercent: course?.minAttendancePercent ?? 80,
    },
    validate: {
      code: (v) => (v.trim() ? null : t('courseAdmin.form.required')),
      title: (v) => (v.trim() ? null : t('courseAdmin.form.required')),
      jp: (v) => (typeof v === 'number' && v >= 1 && v <= 1000 ? null : t('courseAdmin.form.jpRange')),
      fixedJp: (v, all) => (all.kind !== 'WORKSHOP' || all.attendanceCredit !== 'FIXED_JP' || (typeof v === 'number' && v > 0) ? null : t('courseAdmin.form.required')),
      minAttendancePercent: (v, all) => (all.kind !== 'WORKSHOP' || (typeof v === 'number' && v >= 1 && v <= 100) ? null : t('courseAdmin.form.required')),
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (problem) focusFirstInvalid(formRef.current);
  }, [problem]);
  const err = (name: keyof Values) => form.errors[name] ?? problem?.fields[name];
  const generalError = localError ?? (problem && Object.keys(problem.fields).length === 0 ? problem.message : null);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit((v) => {
        setLocalError(null);
        onSubmit({
          code: v.code.trim().toUpperCase(),
          title: v.title.trim(),
          description: v.description.trim(),
          form: v.form,
          delivery: v.delivery,
          jp: Number(v.jp),
          competencyTags: v.competencyTags.map((x) => x.trim()).filter(Boolean),
          visibility: v.visibility,
          visibleToAgencyIds: v.visibility === 'LISTED_AGENCIES' ? v.visibleToAgencyIds : [],
          costPerParticipant: v.costPerParticipant === '' ? 0 : Number(v.costPerParticipant),
          kind: v.kind,
          ...(v.kind === 'WORKSHOP'
            ? {
              attendanceCredit: v.attendanceCredit,
              fixedJp: v.attendanceCredit === 'FIXED_JP' && v.fixedJp !== '' ? Number(v.fixedJp) : null,
              minAttendancePercent: Number(v.minAttendancePercent),
            }
            : {}),
        });
      }, (_errors, _values, event) => {
        setLocalError(t('courseAdmin.form.fixErrors'));
        focusFirstInvalid(event?.currentTarget ?? null);
      })}
    >
      <Stack gap="md">
        {generalError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {generalError}
          </Alert>
        ) : null}
        <Section id="course-what" title={t('courseAdmin.form.what')}>
          <Radio.Group label={t('courseAdmin.form.kind')} description={t('courseAdmin.form.kindHint')} {...form.getInputProps('kind')} error={err('kind')}>
            <Group gap="md" mt={6}>
              {(['COURSE', 'WORKSHOP'] as const).map((k) => (
                <Radio key={k} value={k} label={t(`enum.courseKind.${k}`)} disabled={!!course && course.kind !== k} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('courseAdmin.form.code')} description={t('courseAdmin.form.codeHint')} required {...form.getInputProps('code')} error={err('code')} />
            <TextInput label={t('courseAdmin.form.title')} required className="lentera-span-2" {...form.getInputProps('title')} error={err('title')} />
          </SimpleGrid>
          <Textarea label={t('courseAdmin.form.description')} description={t('courseAdmin.form.descriptionHint')} autosize minRows={4} {...form.getInputProps('description')} error={err('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('catalogue.filter.form')}
              required
              data={Object.entries(GROUPS).map(([g, forms]) => ({ group: t(`enum.formGroup.${g}`), items: forms.map((f) => ({ value: f, label: t(`enum.form.${f}`) })) }))}
              {...form.getInputProps('form')}
              error={err('form')}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput label={t('courseAdmin.form.jp')} description={t('courseAdmin.form.jpHint')} required min={1} max={1000} allowDecimal={false} {...form.getInputProps('jp')} error={err('jp')} />
          </SimpleGrid>
          <Select
            label={t('catalogue.filter.delivery')}
            required
            allowDeselect={false}
            data={(['ONLINE_SELF_PACED', 'BLENDED', 'IN_PERSON'] as const).map((d) => ({ value: d, label: t(`enum.delivery.${d}`) }))}
            {...form.getInputProps('delivery')}
            error={err('delivery')}
            comboboxProps={{ withinPortal: true }}
          />
          <TagsInput
            label={t('courseAdmin.form.competencies')}
            description={t('courseAdmin.form.competenciesHint')}
            data={(choices?.competencyTags ?? []).map((c) => c.tag)}
            maxTags={20}
            clearable
            {...form.getInputProps('competencyTags')}
            error={err('competencyTags')}
            comboboxProps={{ withinPortal: true }}
          />
        </Section>

        {form.values.kind === 'WORKSHOP' ? (
          <Section id="course-attendance" title={t('courseAdmin.form.attendance')}>
            <Radio.Group label={t('courseAdmin.form.credit')} {...form.getInputProps('attendanceCredit')} error={err('attendanceCredit')}>
              <Stack gap="xs" mt={6}>
                {(['ATTENDED_MINUTES', 'FIXED_JP'] as const).map((c) => (
                  <Radio key={c} value={c} label={t(`enum.attendanceCredit.${c}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {form.values.attendanceCredit === 'FIXED_JP' ? (
                <NumberInput label={t('courseAdmin.form.fixedJp')} description={t('courseAdmin.form.fixedJpHint')} required min={0.1} max={9999} decimalScale={1} {...form.getInputProps('fixedJp')} error={err('fixedJp')} />
              ) : null}
              <NumberInput label={t('courseAdmin.form.minAttendance')} description={t('courseAdmin.form.minAttendanceHint')} required min={1} max={100} allowDecimal={false} suffix=" %" {...form.getInputProps('minAttendancePercent')} error={err('minAttendancePercent')} />
            </SimpleGrid>
          </Section>
        ) : null}

        <Section id="course-who" title={t('courseAdmin.form.who')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('courseAdmin.form.cost')}
              description={t('courseAdmin.form.costHint')}
              min={0}
              allowDecimal={false}
              thousandSeparator={fmt.lang === 'id' ? '.' : ','}
              decimalSeparator={fmt.lang === 'id' ? ',' : '.'}
              prefix="Rp "
              {...form.getInputProps('costPerParticipant')}
              error={err('costPerParticipant')}
            />
          </SimpleGrid>
          <Radio.Group label={t('courseAdmin.form.visibility')} {...form.getInputProps('visibility')} error={err('visibility')}>
            <Stack gap="xs" mt={6}>
              {(['OWN_AGENCY', 'LISTED_AGENCIES', 'ALL_AGENCIES'] as const).map((v) => (
                <Radio key={v} value={v} label={t(`enum.visibility.${v}`)} description={t(`courseAdmin.form.visibilityHint.${v}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {form.values.visibility === 'LISTED_AGENCIES' ? (
            <AgencyMultiSelect
              label={t('courseAdmin.form.listedAgencies')}
              value={form.values.visibleToAgencyIds}
              onChange={(ids) => form.setFieldValue('visibleToAgencyIds', ids)}
              known={course?.visibleToAgencies ?? []}
              error={err('visibleToAgencyIds')}
            />
          ) : null}
        </Section>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {course ? t('common.save') : t('courseAdmin.form.createDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
