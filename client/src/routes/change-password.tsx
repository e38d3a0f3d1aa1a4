import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../features/auth/useChangePassword';
import type { UiError } from '../app/errors';
import { focusFirstInvalid } from '../ui/focusFirstInvalid';
import { PageHeader } from '../ui/PageHeader';

const MIN_PASSWORD = 8;

/** The signed-in person changes their own password (reached from the account menu). */
export default function ChangePasswordRoute() {
  const { t } = useTranslation();
  const { change, loading } = useChangePassword();
  const [problem, setProblem] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  // Bumped after a refused submit; focusing waits for the render that shows the messages.
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v.length === 0 ? t('password.currentRequired') : null),
      newPassword: (v) => (v.length < MIN_PASSWORD ? t('password.newTooShort') : null),
      confirm: (v, values) => (v !== values.newPassword ? t('password.mismatch') : null),
    },
    onValuesChange: () => setSaved(false),
  });

  useEffect(() => {
    if (invalidSubmits > 0) focusFirstInvalid(formRef.current);
  }, [invalidSubmits]);
  useEffect(() => {
    if (saved || (problem && Object.keys(problem.fields).length === 0)) alertRef.current?.focus();
  }, [saved, problem]);

  const fieldError = (name: 'currentPassword' | 'newPassword' | 'confirm') => form.errors[name] ?? problem?.fields[name];
  // Mantine's PasswordInput marks an error only with data-invalid; screen readers (and focusFirstInvalid) need aria-invalid.
  const invalid = (name: 'currentPassword' | 'newPassword' | 'confirm') => (fieldError(name) ? true : undefined);
  const waiting = problem?.code === 'TOO_MANY_ATTEMPTS';

  return (
    <>
      <PageHeader title={t('password.title')} description={t('password.description')} />
      <Paper withBorder p={{ base: 'md', xs: 'xl' }} maw={520}>
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit(
            async (values) => {
              setProblem(null);
              setSaved(false);
              const failure = await change(values.currentPassword, values.newPassword);
              if (failure) {
                setProblem(failure);
                if (Object.keys(failure.fields).length > 0) setInvalidSubmits((n) => n + 1);
                return;
              }
              form.reset();
              setSaved(true);
            },
            () => setInvalidSubmits((n) => n + 1),
          )}
        >
          <Stack gap="md">
            {saved ? (
              <Alert ref={alertRef} tabIndex={-1} color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('password.savedTitle')} role="status">
                {t('password.saved')}
              </Alert>
            ) : null}
            {problem && Object.keys(problem.fields).length === 0 ? (
              <Alert
                ref={alertRef}
                tabIndex={-1}
                color={waiting ? 'orange' : 'red'}
                variant="light"
                icon={waiting ? <IconClockHour4 aria-hidden /> : <IconAlertTriangle aria-hidden />}
                title={waiting ? t('auth.lockedTitle') : t('password.failedTitle')}
                role="alert"
              >
                {problem.message}
              </Alert>
            ) : null}
            <PasswordInput label={t('password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} error={fieldError('currentPassword')} aria-invalid={invalid('currentPassword')} />
            <PasswordInput
              label={t('password.new')}
              description={t('password.newHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
              error={fieldError('newPassword')}
              aria-invalid={invalid('newPassword')}
            />
            <PasswordInput label={t('password.confirm')} autoComplete="new-password" required {...form.getInputProps('confirm')} error={fieldError('confirm')} aria-invalid={invalid('confirm')} />
            <Button type="submit" loading={loading} size="md" fullWidth>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
