import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createOperationContext, type OperationContext } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { enqueueJob, enqueueJobs, type JobDefinition } from '../../shared/jobs/queue.js';
import type { Mailer, OutgoingMail } from './mailer.js';

/**
 * What to mail, as stored in the job: ids and choices, never the text (written when the job runs, in the
 * recipient's language then) and never a secret (a reset link's token is made when the mail is sent).
 */
export type MailRequest =
  | { kind: 'password-reset'; email: string }
  | { kind: 'enrolment-decision'; enrolmentId: string; decision: 'APPROVED' | 'REJECTED' }
  // A self-application to a programme cohort decided (programme/nomination-decision.mail.ts).
  | { kind: 'cohort-decision'; participantId: string; decision: 'APPROVED' | 'REJECTED' }
  // A seat in a run: taken directly or given by an admin (confirmed), or given by the waiting list (moved up).
  | { kind: 'registration-confirmed'; enrolmentId: string }
  | { kind: 'moved-up'; enrolmentId: string }
  // Withdrawn because the run was cancelled (run module, cancelCourseRun).
  | { kind: 'run-cancelled'; enrolmentId: string }
  | { kind: 'agreement-expiry'; agreementId: string; personId: string; daysBefore: number; validTo: string }
  | { kind: 'partner-invitation'; invitationId: string; generation: number; locale: 'id' | 'en' }
  // A workshop session: cancelled, moved (with its time before the move), and tomorrow (workshop/session.mail.ts).
  | { kind: 'session-cancelled'; sessionId: string; personId: string }
  | { kind: 'session-moved'; sessionId: string; personId: string; previousStartsAt: string; previousEndsAt: string; previousTimeZone: string }
  | { kind: 'session-tomorrow'; sessionId: string; personId: string }
  // An external activity verified or rejected by the agency admin (learning-hours/external-activity.mail.ts).
  | { kind: 'external-activity-decision'; activityId: string }
  // A stored training-history export is ready for its requester (learning-hours/export.job.ts).
  | { kind: 'learning-export-ready'; exportId: string };

export type MailKind = MailRequest['kind'];

/** Writes one kind of mail, or answers null when there is nobody to write to (no such address, no e-mail). */
export type MailComposer<K extends MailKind = MailKind> = (
  ctx: OperationContext,
  request: Extract<MailRequest, { kind: K }>,
  links: { publicUrl: string },
) => Promise<OutgoingMail | null>;

const MAIL_QUEUE = 'mail';

/**
 * Enqueues a mail in the transaction of `tx`: sent only if that transaction commits. Use inside
 * `em.transactional(async (tx) => …)` next to the write the mail is about.
 */
export async function enqueueMail(tx: EntityManager, request: MailRequest): Promise<void> {
  await enqueueJob(tx, MAIL_QUEUE, request);
}

/**
 * The seat mails of enrolments that just got a seat, in the transaction that gave it: one job each, all in one
 * statement (a bulk enrolment costs the same number of statements for any number seated).
 */
export async function enqueueSeatMails(tx: EntityManager, kind: 'registration-confirmed' | 'moved-up', enrolmentIds: readonly string[]): Promise<void> {
  await enqueueJobs(tx, MAIL_QUEUE, enrolmentIds.map((enrolmentId) => ({ kind, enrolmentId })));
}

/** Many mails in the caller's transaction, in one statement (any number of recipients costs the same). */
export async function enqueueMails(tx: EntityManager, requests: readonly MailRequest[]): Promise<void> {
  await enqueueJobs(tx, MAIL_QUEUE, [...requests]);
}

/** "Run cancelled" to everyone a cancellation withdrew, in the transaction that cancelled it (one statement). */
export async function enqueueRunCancelledMails(tx: EntityManager, enrolmentIds: readonly string[]): Promise<void> {
  await enqueueJobs(tx, MAIL_QUEUE, enrolmentIds.map((enrolmentId) => ({ kind: 'run-cancelled' as const, enrolmentId })));
}

/** The job that writes and sends mails; a refused or failed send is retried with backoff, then a dead letter. */
export function mailJob(deps: {
  orm: MikroORM;
  config: AppConfig;
  mailer: Mailer;
  publicUrl: () => string;
  composers: { [K in MailKind]: MailComposer<K> };
}): JobDefinition<MailRequest> {
  return {
    name: MAIL_QUEUE,
    async run(request) {
      // A system operation: no viewer; the composer writes in the recipient's language.
      const ctx = createOperationContext({ em: deps.orm.em.fork(), viewer: null, locale: 'id', config: deps.config });
      const composer = deps.composers[request.kind] as MailComposer | undefined;
      if (!composer) throw new Error(`no composer for mail kind "${request.kind}"`);
      const mail = await composer(ctx, request, { publicUrl: deps.publicUrl() });
      if (mail) await deps.mailer.send(mail);
    },
  };
}
