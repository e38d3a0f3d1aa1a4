import { useParams } from 'react-router';
import { CheckInQr } from '../features/workshops/CheckInQr';

/** /mengajar/sesi/:sessionId/qr: the full-screen check-in QR code (the QR library ships only in this chunk). */
export default function CheckInQrRoute() {
  const { sessionId = '' } = useParams();
  return <CheckInQr sessionId={sessionId} />;
}
