import type { TFunction } from 'i18next';

export interface EnrolmentForSentence {
  status: 'REQUESTED' | 'WAITLISTED' | 'ACTIVE' | 'COMPLETED' | 'FAILED' | 'REJECTED' | 'WITHDRAWN';
  requestedAt: string;
  approverName?: string | null;
  decidedByName?: string | null;
  decisionNote?: string | null;
  waitlistPosition?: number | null;
  finishedAt?: string | null;
  creditedMinutes?: number | null;
  course: { jp: number };
  run: { startsAt?: string | null; endsAt?: string | null };
}

/**
 * What this state means and what happens next, in one sentence:
 * "Menunggu persetujuan Budi Santoso (atasan langsung) sejak 3 hari yang lalu."
 */
export function statusSentence(
  e: EnrolmentForSentence,
  t: TFunction,
  relative: (v: string) => string,
  date: (v: string) => string,
  now: Date = new Date(),
): string {
  switch (e.status) {
    case 'REQUESTED':
      return e.approverName
        ? t('enrolment.sentence.requested', { name: e.approverName, since: relative(e.requestedAt) })
        : t('enrolment.sentence.requestedNoName', { since: relative(e.requestedAt) });
    case 'WAITLISTED':
      return e.waitlistPosition
        ? t('enrolment.sentence.waitlisted', { position: e.waitlistPosition })
        : t('enrolment.sentence.waitlistedNoPosition');
    case 'ACTIVE':
      // Said by the run's dates: an enrolment in a run weeks away cannot be started yet.
      if (e.run.startsAt && new Date(e.run.startsAt) > now) {
        return t('enrolment.sentence.activeNotStarted', { date: date(e.run.startsAt), in: relative(e.run.startsAt) });
      }
      if (e.run.endsAt && new Date(e.run.endsAt) <= now) return t('enrolment.sentence.activeEnded');
      return t('enrolment.sentence.active');
    case 'COMPLETED':
      return e.finishedAt
        ? t('enrolment.sentence.completed', { jp: e.course.jp, date: date(e.finishedAt) })
        : t('enrolment.sentence.completedNoDate', { jp: e.course.jp });
    case 'FAILED':
      return e.decisionNote ? t('enrolment.sentence.failedNote', { note: e.decisionNote }) : t('enrolment.sentence.failed');
    case 'REJECTED':
      return e.decisionNote
        ? t('enrolment.sentence.rejected', { name: e.decidedByName ?? t('enrolment.yourSupervisor'), reason: e.decisionNote })
        : t('enrolment.sentence.rejectedNoReason', { name: e.decidedByName ?? t('enrolment.yourSupervisor') });
    case 'WITHDRAWN':
      // cancelCourseRun withdraws everyone in the run with this note.
      return e.decisionNote === 'RUN_CANCELLED' ? t('enrolment.sentence.runCancelled') : t('enrolment.sentence.withdrawn');
  }
}
