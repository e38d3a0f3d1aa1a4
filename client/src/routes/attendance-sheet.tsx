import { useParams } from 'react-router';
import { AttendanceSheet } from '../features/workshops/AttendanceSheet';

/** /mengajar/sesi/:sessionId: a session's attendance sheet (its run's instructors, its course's managers). */
export default function AttendanceSheetRoute() {
  const { sessionId = '' } = useParams();
  return <AttendanceSheet sessionId={sessionId} />;
}
