import { useParams } from 'react-router';
import { NominationScreen } from '../features/programmes/NominationScreen';

/** /admin/program/angkatan/:cohortId/peserta — nominations into a cohort. */
export default function AdminCohortParticipantsRoute() {
  const { cohortId = '' } = useParams();
  return <NominationScreen cohortId={cohortId} />;
}
