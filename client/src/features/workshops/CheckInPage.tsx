import { useMutation } from '@apollo/client/react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconCamera, IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';
import type { CheckInMutation } from '../../gql/__generated__/graphql';
import { PageHeader } from '../../ui/PageHeader';

const CheckInDocument = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      status
      lateMinutes
      method
      alreadyRecorded
      session {
        id
        courseTitle
        title
      }
    }
  }
`);

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (opts: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | null => (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector ?? null;

/** The token in a scanned /hadir#t=… address (or a bare token). */
function tokenOf(text: string): string | null {
  const hash = /#t=([^&\s]+)/.exec(text);
  if (hash) return decodeURIComponent(hash[1]);
  return /^[0-9a-f-]{36}\.\d+\.[\w-]{22}$/i.test(text.trim()) ? text.trim() : null;
}

/**
 * The learner's check-in (/hadir): a phone camera that scanned the QR code opens this page with the token in its
 * address, which is sent at once; otherwise the camera scans here where the browser has BarcodeDetector, and the
 * 6-digit code can always be typed.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const [checkIn, state] = useMutation(CheckInDocument);
  const [result, setResult] = useState<CheckInMutation['checkIn'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [cameraNote, setCameraNote] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const sentToken = useRef<string | null>(null);

  const send = useCallback(async (input: { token?: string; code?: string }) => {
    setError(null);
    try {
      const res = await checkIn({ variables: { input } });
      setResult(res.data?.checkIn ?? null);
    } catch (e) {
      setError(toUiError(e, t).message);
    }
  }, [checkIn, t]);

  useEffect(() => {
    const token = tokenOf(window.location.hash);
    if (token && sentToken.current !== token) {
      sentToken.current = token;
      // The token is used once: keep it out of the address (history, screenshots).
      window.history.replaceState(null, '', window.location.pathname);
      void send({ token });
    }
  }, [send]);

  useEffect(() => {
    if (!scanning) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const found = await detector.detect(video.current).catch(() => []);
          const token = found.map((f) => tokenOf(f.rawValue)).find(Boolean);
          if (token) {
            setScanning(false);
            await send({ token });
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setCameraNote(t('checkIn.cameraDenied'));
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning, send, t]);

  const statusText = (r: CheckInMutation['checkIn']) => (r.status === 'LATE' ? t('checkIn.lateStatus', { minutes: r.lateMinutes }) : t(`attendance.${r.status.toLowerCase()}`));
  return (
    <Stack gap="md" maw={480} mx="auto">
      <PageHeader title={t('checkIn.title')} description={t('checkIn.description')} />
      {result ? (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={result.alreadyRecorded ? t('checkIn.already') : t('checkIn.recorded')} data-testid="check-in-result">
          {t('checkIn.status', { session: [result.session.courseTitle, result.session.title].filter(Boolean).join(' · '), status: statusText(result) })}
        </Alert>
      ) : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      {detectorClass() ? (
        <>
          <Button size="lg" variant={scanning ? 'default' : 'filled'} leftSection={<IconCamera aria-hidden />} onClick={() => setScanning((s) => !s)}>
            {scanning ? t('checkIn.stopScan') : t('checkIn.scan')}
          </Button>
          {scanning ? <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 12, background: '#000' }} /> : null}
        </>
      ) : (
        <Text size="sm" c="dimmed">{t('checkIn.noCamera')}</Text>
      )}
      {cameraNote ? <Text size="sm" c="dimmed">{cameraNote}</Text> : null}
      <form onSubmit={(e) => {
        e.preventDefault();
        if (/^\d{6}$/.test(code)) void send({ code });
      }}>
        <Stack gap="sm">
          <TextInput
            label={t('checkIn.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="xl"
            styles={{ input: { fontSize: '2rem', letterSpacing: '0.3em', textAlign: 'center', fontFamily: 'monospace' } }}
          />
          <Button type="submit" size="lg" disabled={code.length !== 6} loading={state.loading}>
            {t('checkIn.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
