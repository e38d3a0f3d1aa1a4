import { useQuery } from '@apollo/client/react';
import { ActionIcon, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { encode } from 'uqr';
import { toUiError } from '../../app/errors';
import { useFormatters } from '../../app/useFormatters';
import { graphql } from '../../gql/__generated__';
import { ErrorState } from '../../ui/ErrorState';
import { FullPageLoader } from '../../ui/FullPageLoader';

const SessionCheckInDocument = graphql(`
  query SessionCheckIn($sessionId: ID!) {
    sessionCheckIn(sessionId: $sessionId) {
      open
      token
      code
      refreshAt
      serverTime
      opensAt
      closesAt
      session {
        id
        courseTitle
        title
        startsAt
        endsAt
        timeZone
      }
    }
  }
`);

/** The QR code as one SVG path (crisp at any size, on a phone or a projector); black on white with a quiet zone. */
function QrSvg({ text, label }: { text: string; label: string }) {
  const { path, size } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) => row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }));
    return { path: d, size: qr.size };
  }, [text]);
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid="check-in-qr"
      style={{ width: 'min(92vw, calc(100dvh - 15rem))', height: 'auto', maxWidth: '100%', background: '#fff', display: 'block' }}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/**
 * The full-screen check-in page an instructor shows in the room (a phone held up, or a projector): the QR code as large
 * as the viewport allows, the 6-digit code in very large type, the session and the seconds until both change. The token
 * is fetched again when its window ends (the server's clock decides, whatever this device's says).
 */
export function CheckInQr({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const query = useQuery(SessionCheckInDocument, { variables: { sessionId }, fetchPolicy: 'network-only' });
  const data = query.data?.sessionCheckIn;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const { refetch } = query;
  useEffect(() => {
    if (!data) return;
    // The server's time minus ours when the answer came: the countdown and the refresh follow the server's clock.
    const skew = new Date(data.serverTime).getTime() - Date.now();
    const refreshAt = data.refreshAt ? new Date(data.refreshAt).getTime() : null;
    const tick = () => setSecondsLeft(refreshAt ? Math.max(0, Math.ceil((refreshAt - (Date.now() + skew)) / 1000)) : null);
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    // An open session's token is fetched again when its window ends; a closed one is looked at every half minute (it may open).
    const refresh = setTimeout(() => void refetch(), refreshAt ? Math.max(500, refreshAt - (Date.now() + skew) + 300) : 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      clearTimeout(refresh);
    };
  }, [data, refetch]);

  if (query.error && !data) return <ErrorState message={toUiError(query.error, t).message} onRetry={() => void query.refetch()} />;
  if (!data) return <FullPageLoader />;
  const url = `${window.location.origin}/hadir`;
  const name = [data.session.courseTitle, data.session.title].filter(Boolean).join(' · ');
  return (
    <div
      data-testid="check-in-screen"
      style={{
        position: 'fixed', inset: 0, zIndex: 400, background: '#fff', color: '#000', overflow: 'auto',
        display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: '0.75rem', padding: '1rem',
      }}
    >
      <ActionIcon component={Link} to={`/mengajar/sesi/${sessionId}`} variant="default" size="xl" aria-label={t('attendance.qrClose')}
        style={{ position: 'absolute', top: 12, right: 12 }}>
        <IconX aria-hidden />
      </ActionIcon>
      <Text component="h1" fw={800} ta="center" style={{ fontSize: 'clamp(1.1rem, 3.5vw, 2.2rem)', margin: 0, lineHeight: 1.2 }}>
        {name}
      </Text>
      {data.open && data.token && data.code ? (
        <>
          <QrSvg text={`${url}#t=${encodeURIComponent(data.token)}`} label={t('attendance.qrAria')} />
          <Text ta="center" style={{ fontSize: 'clamp(0.95rem, 2.2vw, 1.4rem)' }}>{t('attendance.qrHint', { url: url.replace(/^https?:\/\//, '') })}</Text>
          <Text data-testid="check-in-code" fw={800} ff="monospace" ta="center" aria-live="polite"
            style={{ fontSize: 'clamp(3rem, 14vw, 9rem)', letterSpacing: '0.12em', lineHeight: 1 }}>
            {data.code.slice(0, 3)} {data.code.slice(3)}
          </Text>
          <Text ta="center" style={{ fontSize: 'clamp(0.95rem, 2.2vw, 1.4rem)' }}>{t('attendance.qrRefresh', { seconds: secondsLeft ?? 0 })}</Text>
        </>
      ) : (
        <Text ta="center" fz="xl">{t('attendance.qrClosed', { opens: fmt.dateTime(data.opensAt), closes: fmt.time(data.closesAt) })}</Text>
      )}
    </div>
  );
}
