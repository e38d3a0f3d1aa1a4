import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@apollo/client/react';
import { IconAlertTriangle, IconClockHour4, IconLock } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../app/session';
import { LanguageSwitch } from '../features/auth/LanguageSwitch';
import { useSignIn } from '../features/auth/useSignIn';
import { graphql } from '../gql/__generated__';
import { FullPageLoader } from '../ui/FullPageLoader';
import { LanternMark } from '../ui/LanternMark';

/** Whether this browser's session ended (expired, or ended elsewhere), as opposed to never having signed in. */
const SessionEndedDocument = graphql(`
  query SignInSessionEnded {
    sessionEnded
  }
`);

/** Only same-site paths: "next" comes from the URL and must not send people elsewhere. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export default function SignInRoute() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const { submit, loading: submitting, error } = useSignIn();
  const errorRef = useRef<HTMLDivElement>(null);
  const { data: ended } = useQuery(SessionEndedDocument, { skip: loading || !!me, fetchPolicy: 'network-only' });
  const form = useForm({
    mode: 'controlled',
    initialValues: { login: '', password: '' },
    validate: {
      login: (v) => (v.trim().length < 3 ? t('auth.loginRequired') : null),
      password: (v) => (v.length === 0 ? t('auth.passwordRequired') : null),
    },
  });

  useEffect(() => {
    document.title = `${t('auth.title')} · Lentera`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (loading) return <FullPageLoader />;
  if (me) return <Navigate to={next} replace />;

  const locked = error?.code === 'TOO_MANY_ATTEMPTS';

  return (
    <Box mih="100dvh" bg="ink.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch signedIn={false} />
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
            <form
              noValidate
              onSubmit={form.onSubmit(async (values) => {
                if (await submit(values.login, values.password)) await navigate(next, { replace: true });
              })}
            >
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
                ) : ended?.sessionEnded ? (
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
                  {...form.getInputProps('login')}
                  error={form.errors.login ?? error?.fields.login}
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                  error={form.errors.password ?? error?.fields.password}
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
