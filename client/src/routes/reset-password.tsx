import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { UiError } from '../app/errors';
import { SignedOutFrame } from '../features/auth/SignedOutFrame';
import { publicMutation } from '../features/auth/publicMutation';

const RESET = `mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const MIN_PASSWORD = 8;

/** The link in the reset e-mail opens this page; its token sits in the fragment (#token=…), never sent to a server. */
export default function ResetPasswordRoute() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirm: '' },
    validate: {
      newPassword: (v) => (v.length < MIN_PASSWORD ? t('password.newTooShort') : null),
      confirm: (v, values) => (v !== values.newPassword ? t('password.mismatch') : null),
    },
  });

  useEffect(() => {
    document.title = `${t('reset.resetTitle')} · Lentera`;
  }, [t]);
  useEffect(() => {
    if (done || problem) alertRef.current?.focus();
  }, [done, problem]);

  const linkBroken = !token || problem?.code === 'RESET_LINK_INVALID';
  const invalid = (name: 'newPassword' | 'confirm') => (form.errors[name] || problem?.fields[name] ? true : undefined);

  return (
    <SignedOutFrame title={t('reset.resetTitle')}>
      {done ? (
        <Stack gap="md">
          <Alert ref={alertRef} tabIndex={-1} color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('password.savedTitle')} role="status">
            {t('reset.done')}
          </Alert>
          <Button component={Link} to="/masuk" fullWidth size="md">
            {t('auth.submit')}
          </Button>
        </Stack>
      ) : linkBroken ? (
        <Stack gap="md">
          <Alert ref={alertRef} tabIndex={-1} color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('reset.failedTitle')} role="alert">
            {problem?.message ?? t('errors.RESET_LINK_INVALID')}
          </Alert>
          <Button component={Link} to="/lupa-kata-sandi" variant="light" fullWidth size="md">
            {t('reset.askAgain')}
          </Button>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setSaving(true);
            setProblem(null);
            const failure = await publicMutation(RESET, { input: { token, newPassword: values.newPassword } }, t);
            setSaving(false);
            if (failure) setProblem(failure);
            else setDone(true);
          })}
        >
          <Stack gap="md">
            {problem ? (
              <Alert ref={alertRef} tabIndex={-1} color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('reset.failedTitle')} role="alert">
                {problem.message}
              </Alert>
            ) : null}
            <PasswordInput
              label={t('password.new')}
              description={t('password.newHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
              error={form.errors.newPassword ?? problem?.fields.newPassword}
              aria-invalid={invalid('newPassword')}
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
              error={form.errors.confirm}
              aria-invalid={invalid('confirm')}
            />
            <Button type="submit" loading={saving} fullWidth size="md">
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </SignedOutFrame>
  );
}
