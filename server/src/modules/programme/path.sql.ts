import { toDate } from '../enrolment/index.js';
import type { ParticipantStatus } from './programme.entity.js';
import type { ProgrammeParticipation } from './path.types.js';

/** A participant row with its cohort's programme, as `participationColumns` over `cohort_participant as cp` joined to `programme_cohort as c` reads it. */
export interface ParticipationRow {
  id: string;
  status: ParticipantStatus;
  person_id: string;
  cohort_id: string;
  programme_id: string;
  completed_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  starts_at: Date;
}

export const participationColumns = [
  'cp.id', 'cp.status', 'cp.person_id', 'cp.cohort_id', 'c.programme_id', 'cp.completed_at', 'cp.rating', 'cp.rating_comment', 'cp.rated_at', 'c.starts_at',
] as const;

export function toParticipation(row: ParticipationRow): ProgrammeParticipation {
  return {
    // Kysely hands timestamps back as PostgreSQL's text.
    id: row.id, status: row.status, completedAt: toDate(row.completed_at), rating: row.rating, ratingComment: row.rating_comment, ratedAt: toDate(row.rated_at),
    personId: row.person_id, cohortId: row.cohort_id, programmeId: row.programme_id,
  };
}
