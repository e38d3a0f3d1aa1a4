import { Alert, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../app/errors';
import { publicRequest } from '../auth/publicMutation';

const VERIFY = `mutation VerifyCredential($json: String!) {
  verifyCredential(json: $json) { verdict reason serial title recipientName agencyName issuedAt revokedAt revokedReason }
}`;

type Verdict = 'VALID' | 'TAMPERED' | 'REVOKED' | 'SUPERSEDED' | 'UNKNOWN_ISSUER' | 'EXPIRED_KEY' | 'MALFORMED';
interface Verification {
  verdict: Verdict;
  reason: string;
  serial: string | null;
  title: string | null;
  recipientName: string | null;
  agencyName: string | null;
  revokedReason: string | null;
}

/** The largest file read: a credential is a few kilobytes; anything much larger is not one. */
const MAX_BYTES = 100_000;

/**
 * Checks an Open Badges credential (JSON) that someone was shown: paste it or pick the file. Public (no sign-in),
 * over plain fetch so it fits any page: the `/verifikasi` page holds it, and the certificate verification page
 * (`/verifikasi/<code>`) can include it under the facts.
 */
export function CredentialVerifyForm() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Verification | null>(null);
  const [problem, setProblem] = useState<UiError | null>(null);
  const [checking, setChecking] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  async function check(json: string) {
    setChecking(true);
    setProblem(null);
    setResult(null);
    const answer = await publicRequest<{ verifyCredential: Verification }>(VERIFY, { json }, t);
    setChecking(false);
    if ('problem' in answer) setProblem(answer.problem);
    else setResult(answer.data.verifyCredential);
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function pick(file: File | null) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setProblem({ code: 'TOO_LARGE', message: t('credential.verify.tooLarge'), fields: {} });
      return;
    }
    const content = await file.text();
    setText(content);
    await check(content);
  }

  const valid = result?.verdict === 'VALID';
  return (
    <Stack gap="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void check(text);
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('credential.verify.pasteLabel')}
            description={t('credential.verify.pasteHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={12}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          />
          <Group gap="sm" wrap="wrap">
            <Button type="submit" loading={checking} disabled={!text.trim()}>
              {t('credential.verify.check')}
            </Button>
            <FileButton onChange={(f) => void pick(f)} accept="application/json,application/ld+json,.json,.jsonld">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={18} aria-hidden />}>
                  {t('credential.verify.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
        </Stack>
      </form>
      {problem ? (
        <Alert ref={resultRef} tabIndex={-1} color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {problem.message}
        </Alert>
      ) : null}
      {result ? (
        <Alert
          ref={resultRef}
          tabIndex={-1}
          color={valid ? 'teal' : 'red'}
          variant="light"
          icon={valid ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
          title={<Text fw={800} size="xl" component="span" data-verdict={result.verdict}>{t(`credential.verdict.${result.verdict}`)}</Text>}
          role="status"
        >
          <Stack gap={4}>
            <Text>{result.reason}</Text>
            {result.title ? <Text size="sm"><b>{result.title}</b></Text> : null}
            {result.recipientName ? <Text size="sm">{t('credential.verify.recipient', { name: result.recipientName })}</Text> : null}
            {result.serial ? <Text size="sm">{t('credential.verify.serial', { serial: result.serial })}</Text> : null}
            {result.agencyName ? <Text size="sm">{t('credential.verify.issuer', { name: result.agencyName })}</Text> : null}
            {result.revokedReason ? <Text size="sm">{t('credential.verify.revokedReason', { reason: result.revokedReason })}</Text> : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
