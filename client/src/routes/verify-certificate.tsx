import { useParams } from 'react-router';
import VerifyCertificatePage from '../features/certificates/verify-page';

/** /verifikasi/<code> reached inside the app (a first visit loads the page alone: main.tsx). */
export default function VerifyCertificateRoute() {
  const { code = '' } = useParams();
  return <VerifyCertificatePage code={code} />;
}
