import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BootSession } from '../app/boot-session';
import type { SessionMe } from '../app/session';
import { LanguageSwitch } from '../features/auth/LanguageSwitch';
import { useSignIn } from '../features/auth/useSignIn';
import { LanternMark } from '../ui/LanternMark';

/**
 * The sign-in page. A first visit to /masuk renders it alone (app/SignInApp.tsx): no router, no Apollo,
 * nothing of the screens behind it; inside the signed-in app (after signing out, or when a session ended)
 * app/SignInInApp.tsx renders it. So it uses neither: links are plain <a href>, requests go through
 * graphql-request.ts, and what happens after signing in is the caller's `onSignedIn`.
 */
export interface SignInPageProps {
  /** Who is signed in and whether a session ended here; the form shows at once, before it answers. */
  session: Promise<BootSession | null>;
  /** Someone is signed in (already, or just now). */
  onSignedIn: (me: SessionMe) => void;
}

export default function SignInPage({ session, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation();
  const { submit, loading: submitting, error } = useSignIn();
  const errorRef = useRef<HTMLDivElement>(null);
  const [ended, setEnded] = useState(false);
  const [values, setValues] = useState({ login: '', password: '' });
  const [invalid, setInvalid] = useState<{ login?: string; password?: string }>({});

  useEffect(() => {
    let current = true;
    void session.then((state) => {
      if (!current || !state) return;
      if (state.me) onSignedIn(state.me);
      else setEnded(state.sessionEnded);
    });
    return () => {
      current = false;
    };
  }, [session]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    document.title = `${t('auth.title')} · Lentera`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  function validate(v: typeof values) {
    return {
      login: v.login.trim().length < 3 ? t('auth.loginRequired') : undefined,
      password: v.password.length === 0 ? t('auth.passwordRequired') : undefined,
    };
  }
  function change(field: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setInvalid((e) => ({ ...e, [field]: undefined }));
  }
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validate(values);
    setInvalid(problems);
    if (problems.login || problems.password) {
      const form = event.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const me = await submit(values.login, values.password);
    if (me) onSignedIn(me);
  }

  const locked = error?.code === 'TOO_MANY_ATTEMPTS';

  return (
    <Box mih="100dvh" bg="ink.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center px="sm" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6} ta="center">
            <LanternMark size={56} />
            <Title order={1} fz={30}>
              Lentera
            </Title>
            <Text c="dimmed">{t('auth.tagline')}</Text>
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} bg="white">
            <form noValidate onSubmit={(event) => void onSubmit(event)}>
              <Stack gap="md">
                <Title order={2} fz="xl">
                  {t('auth.title')}
                </Title>
                {error ? (
                  <Alert
                    ref={errorRef}
                    tabIndex={-1}
                    color={locked ? 'orange' : 'red'}
                    variant="light"
                    icon={locked ? <IconLock aria-hidden /> : <IconAlertTriangle aria-hidden />}
                    title={locked ? t('auth.lockedTitle') : t('auth.failedTitle')}
                    role="alert"
                  >
                    {error.message}
                  </Alert>
                ) : ended ? (
                  <Alert color="blue" variant="light" icon={<IconClockHour4 aria-hidden />} role="status">
                    {t('auth.sessionEnded')}
                  </Alert>
                ) : null}
                <TextInput
                  label={t('auth.login')}
                  description={t('auth.loginHint')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={values.login}
                  onChange={(e) => change('login', e.currentTarget.value)}
                  error={invalid.login ?? error?.fields.login}
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  value={values.password}
                  onChange={(e) => change('password', e.currentTarget.value)}
                  error={invalid.password ?? error?.fields.password}
                />
                <Text component="a" href="/lupa-kata-sandi" size="sm" c="blue.9" td="underline">{t('auth.forgot')}</Text>
                <Button type="submit" loading={submitting} fullWidth size="md">
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.help')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
