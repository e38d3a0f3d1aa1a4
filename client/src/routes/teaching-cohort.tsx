import { useParams } from 'react-router';
import { NominationRoster } from '../features/programmes/NominationRoster';

/** /mengajar/angkatan/:cohortId — the instructor's cohort roster, by agency. */
export default function TeachingCohortRoute() {
  const { cohortId = '' } = useParams();
  return <NominationRoster cohortId={cohortId} />;
}
