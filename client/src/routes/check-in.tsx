import { CheckInPage } from '../features/workshops/CheckInPage';

/** /hadir: a learner checks in to a session (scanned QR code, camera, or the 6-digit code). */
export default function CheckInRoute() {
  return <CheckInPage />;
}
