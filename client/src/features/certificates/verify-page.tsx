import { Alert, Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconReplace } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError, graphqlRequest } from '../../app/graphql-request';
import { networkUiError, uiErrorFromGraphQL } from '../../app/ui-error';
import { graphql } from '../../gql/__generated__';
import type { VerifyCertificateQuery } from '../../gql/__generated__/graphql';
import { LanternMark } from '../../ui/LanternMark';

const VerifyCertificateDocument = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      status
      serial
      recipientName
      recipientNipMasked
      title
      form
      jp
      competencies
      startsOn
      endsOn
      completedAt
      issuedAt
      agencyName
      partnerName
      signers {
        name
        position
        side
      }
      revokedAt
      revokedReason
      supersededByCode
    }
  }
`);

type Verification = NonNullable<VerifyCertificateQuery['verifyCertificate']>;
type State = { kind: 'loading' } | { kind: 'found'; v: Verification } | { kind: 'unknown' } | { kind: 'error'; message: string };

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'id-ID');
/** An instant as a date on the WIB clock (the page is public: no viewer's zone), in the UI language. */
const date = (value: string, lang: string) => new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date(value));

/** "2026-11-02" as a calendar day in the UI language (no zone: it is a date, not an instant). */
function day(value: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

/**
 * The public verification page (/verifikasi/<code>), signed in or not: the status in large type — Sah, Dicabut with
 * its date and reason, Digantikan with a link to the newer certificate's page — then what the certificate says, the
 * NIP masked by the server. Plain fetch (no Apollo): a first visit loads this page alone (main.tsx, verify-page.app.tsx).
 */
export default function VerifyCertificatePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  // The answer for the code it was asked for: a new code shows "checking" until its own answer is in.
  const [answer, setAnswer] = useState<{ code: string; state: State } | null>(null);
  const state: State = answer?.code === code ? answer.state : { kind: 'loading' };

  useEffect(() => {
    document.title = `${t('verify.title')} · Lentera`;
  }, [t]);
  useEffect(() => {
    let live = true;
    graphqlRequest(VerifyCertificateDocument, { code }).then(
      (data) => live && setAnswer({ code, state: data.verifyCertificate ? { kind: 'found', v: data.verifyCertificate } : { kind: 'unknown' } }),
      (error: unknown) => {
        if (!live) return;
        const ui = error instanceof GraphQLRequestError && error.errors.length ? uiErrorFromGraphQL(error.errors, t) : networkUiError(t, error instanceof GraphQLRequestError && error.serverAnswered);
        setAnswer({ code, state: { kind: 'error', message: ui.message } });
      },
    );
    return () => {
      live = false;
    };
  }, [code, t]);

  return (
    <Box mih="100dvh" bg="ink.0" px="sm" py="lg">
      <Stack maw={560} mx="auto" gap="md">
        <Group gap="xs" wrap="nowrap">
          <LanternMark size={32} />
          <Text fw={700}>{t('verify.title')}</Text>
        </Group>
        {state.kind === 'loading' ? (
          <Text c="dimmed" role="status">
            {t('verify.checking')}
          </Text>
        ) : null}
        {state.kind === 'error' ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {state.message}
          </Alert>
        ) : null}
        {state.kind === 'unknown' ? (
          <Paper withBorder p="lg" bg="white" data-testid="verify-status">
            <Stack gap="xs">
              <Title order={1} fz={32} c="red.9">
                {t('verify.unknownTitle')}
              </Title>
              <Text>{t('verify.unknown')}</Text>
            </Stack>
          </Paper>
        ) : null}
        {state.kind === 'found' ? <Found v={state.v} lang={i18n.language} /> : null}
      </Stack>
    </Box>
  );
}

function Found({ v, lang }: { v: Verification; lang: string }) {
  const { t } = useTranslation();
  const look = {
    VALID: { color: 'teal.9', bg: 'teal.0', icon: <IconCircleCheck size={40} aria-hidden /> },
    REVOKED: { color: 'red.9', bg: 'red.0', icon: <IconCircleX size={40} aria-hidden /> },
    SUPERSEDED: { color: 'yellow.9', bg: 'yellow.0', icon: <IconReplace size={40} aria-hidden /> },
  }[v.status];
  const dates = v.startsOn ? (v.endsOn && v.endsOn !== v.startsOn ? `${day(v.startsOn, lang)} – ${day(v.endsOn, lang)}` : day(v.startsOn, lang)) : date(v.completedAt, lang);
  const facts: [string, string][] = [
    [t('verify.recipient'), v.recipientName],
    ...(v.recipientNipMasked ? [[t('verify.nip'), v.recipientNipMasked] as [string, string]] : []),
    [t('verify.completed'), v.title],
    ...(v.form ? [[t('verify.form'), t(`enum.form.${v.form}`)] as [string, string]] : []),
    [t('verify.jp'), `${new Intl.NumberFormat(locale(lang)).format(v.jp)} JP`],
    ...(v.competencies.length ? [[t('verify.competencies'), v.competencies.join(', ')] as [string, string]] : []),
    [t('verify.dates'), dates],
    [t('verify.issuer'), v.partnerName ? `${v.agencyName} · ${v.partnerName}` : v.agencyName],
    ...(v.signers.length ? [[t('verify.signers'), v.signers.map((s) => `${s.name} (${s.position})`).join('; ')] as [string, string]] : []),
    [t('verify.serial'), v.serial],
    [t('verify.issuedAt'), date(v.issuedAt, lang)],
  ];
  return (
    <>
      <Paper withBorder p="lg" bg={look.bg} data-testid="verify-status" role="status">
        <Group gap="sm" wrap="nowrap" c={look.color} align="center">
          {look.icon}
          <Title order={1} fz={40} lh={1.1} c={look.color}>
            {t(`verify.status.${v.status}`)}
          </Title>
        </Group>
        <Text mt="xs">{t(`verify.statusLine.${v.status}`)}</Text>
        {v.status === 'REVOKED' && v.revokedAt ? (
          <Text mt="xs" fw={600}>
            {t('verify.revokedOn', { date: date(v.revokedAt, lang), reason: v.revokedReason ?? '' })}
          </Text>
        ) : null}
        {v.status === 'SUPERSEDED' && v.supersededByCode ? (
          <Anchor href={`/verifikasi/${encodeURIComponent(v.supersededByCode)}`} fw={700} mt="xs" display="inline-block">
            {t('verify.newer')}
          </Anchor>
        ) : null}
      </Paper>
      <Paper withBorder p="lg" bg="white">
        <Stack component="dl" gap="sm" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('verify.footer')}
      </Text>
      {/* A credential file (Open Badges JSON) is checked on its own page, which holds the upload form. */}
      <Anchor href="/verifikasi" size="sm" fw={600}>
        {t('verify.checkCredential')}
      </Anchor>
    </>
  );
}
