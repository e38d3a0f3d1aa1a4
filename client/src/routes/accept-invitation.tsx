import { Alert, Button, Group, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { UiError } from '../app/errors';
import { SignedOutFrame } from '../features/auth/SignedOutFrame';
import { publicRequest } from '../features/auth/publicMutation';

const PREVIEW = `query PartnerInvitationPreview($token: String!) { partnerInvitationPreview(token: $token) { email fullName partnerName } }`;
const ACCEPT = `mutation AcceptPartnerInvitation($input: AcceptPartnerInvitationInput!) { acceptPartnerInvitation(input: $input) { email } }`;
/** The server's rule (shared/auth/password-rules.ts), checked here first for a quick answer. */
const MIN_PASSWORD = 8;

interface Preview {
  email: string;
  fullName: string;
  partnerName: string;
}

/**
 * The link in a partner staff invitation opens this page (public, no Apollo): the token sits in the fragment
 * (#token=…), never sent to a server but in the request body. The invitee checks their name and sets a password,
 * then signs in with the invited e-mail.
 */
export default function AcceptInvitationRoute() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { fullName: '', password: '', confirm: '' },
    validate: {
      fullName: (v) => (v.trim() ? null : t('partners.form.required')),
      password: (v) => (v.length < MIN_PASSWORD ? t('password.newTooShort') : null),
      confirm: (v, values) => (v !== values.password ? t('password.mismatch') : null),
    },
  });

  useEffect(() => {
    document.title = `${t('acceptInvitation.title')} · Lentera`;
  }, [t]);
  useEffect(() => {
    if (!token) return;
    let live = true;
    void publicRequest<{ partnerInvitationPreview: Preview }>(PREVIEW, { token }, t).then((answer) => {
      if (!live) return;
      if ('problem' in answer) setProblem(answer.problem);
      else {
        setPreview(answer.data.partnerInvitationPreview);
        form.setFieldValue('fullName', answer.data.partnerInvitationPreview.fullName);
      }
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per token; the form setter is stable
  }, [token]);
  useEffect(() => {
    if (done || problem) alertRef.current?.focus();
  }, [done, problem]);

  const linkBroken = !token || problem?.code === 'INVITATION_INVALID' || (!preview && problem !== null);
  const invalid = (name: 'fullName' | 'password' | 'confirm') => (form.errors[name] || problem?.fields[name] ? true : undefined);

  return (
    <SignedOutFrame title={t('acceptInvitation.title')}>
      {done ? (
        <Stack gap="md">
          <Alert ref={alertRef} tabIndex={-1} color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('acceptInvitation.doneTitle')} role="status">
            {t('acceptInvitation.done', { email: done })}
          </Alert>
          <Button component={Link} to="/masuk" fullWidth size="md">
            {t('auth.submit')}
          </Button>
        </Stack>
      ) : linkBroken ? (
        <Alert ref={alertRef} tabIndex={-1} color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('acceptInvitation.failedTitle')} role="alert">
          {problem?.message ?? t('errors.INVITATION_INVALID')}
        </Alert>
      ) : !preview ? (
        <Group gap="sm" justify="center" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('acceptInvitation.checking')}</Text>
        </Group>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setSaving(true);
            setProblem(null);
            const answer = await publicRequest<{ acceptPartnerInvitation: { email: string } }>(
              ACCEPT, { input: { token, fullName: values.fullName.trim(), password: values.password } }, t);
            setSaving(false);
            if ('problem' in answer) setProblem(answer.problem);
            else setDone(answer.data.acceptPartnerInvitation.email);
          })}
        >
          <Stack gap="md">
            <Text>{t('acceptInvitation.intro', { partner: preview.partnerName })}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('acceptInvitation.loginAs', { email: preview.email })}
            </Text>
            {problem ? (
              <Alert ref={alertRef} tabIndex={-1} color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('acceptInvitation.failedTitle')} role="alert">
                {problem.message}
              </Alert>
            ) : null}
            <TextInput
              label={t('acceptInvitation.fullName')}
              autoComplete="name"
              required
              {...form.getInputProps('fullName')}
              error={form.errors.fullName ?? problem?.fields.fullName}
              aria-invalid={invalid('fullName')}
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.newHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
              error={form.errors.password ?? problem?.fields.password}
              aria-invalid={invalid('password')}
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
              {t('acceptInvitation.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </SignedOutFrame>
  );
}
