import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconMailCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../app/errors';
import { SignedOutFrame } from '../features/auth/SignedOutFrame';
import { publicMutation } from '../features/auth/publicMutation';

const REQUEST = `mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`;

/** "Lupa kata sandi?": asks for a reset link by e-mail. The answer never says whether the address is known. */
export default function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const [sending, setSending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('errors.constraint.isEmail')) },
  });

  useEffect(() => {
    document.title = `${t('reset.forgotTitle')} · Lentera`;
  }, [t]);
  useEffect(() => {
    if (sentTo || problem) alertRef.current?.focus();
  }, [sentTo, problem]);

  return (
    <SignedOutFrame
      title={t('reset.forgotTitle')}
      intro={t('reset.forgotIntro')}
      footer={
        <Text size="sm" c="dimmed" ta="center">
          {t('auth.help')}
        </Text>
      }
    >
      {sentTo ? (
        <Alert ref={alertRef} tabIndex={-1} color="teal" variant="light" icon={<IconMailCheck aria-hidden />} title={t('reset.sentTitle')} role="status">
          {t('reset.sent', { email: sentTo })}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setSending(true);
            setProblem(null);
            const failure = await publicMutation(REQUEST, { email: values.email.trim() }, t);
            setSending(false);
            if (failure) setProblem(failure);
            else setSentTo(values.email.trim());
          })}
        >
          <Stack gap="md">
            {problem ? (
              <Alert ref={alertRef} tabIndex={-1} color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('reset.failedTitle')} role="alert">
                {problem.message}
              </Alert>
            ) : null}
            <TextInput
              label={t('reset.email')}
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              {...form.getInputProps('email')}
              error={form.errors.email ?? problem?.fields.email}
              aria-invalid={form.errors.email || problem?.fields.email ? true : undefined}
            />
            <Button type="submit" loading={sending} fullWidth size="md">
              {t('reset.send')}
            </Button>
          </Stack>
        </form>
      )}
    </SignedOutFrame>
  );
}
