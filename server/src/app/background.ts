import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../shared/config/config.js';
import { startJobQueue, type JobDefinition, type JobQueue } from '../shared/jobs/queue.js';
import { agreementExpiryJob, composeAgreementExpiryMail } from '../modules/agreement/index.js';
import { composePasswordResetMail, purgeExpiredAuthRows } from '../modules/auth/index.js';
import { composePartnerInvitationMail } from '../modules/partner/index.js';
import { composeEnrolmentDecisionMail, createMailer, mailJob, MailCatcher, type Mailer } from '../modules/mail/index.js';
import { composeMovedUpMail, composeRegistrationConfirmedMail, withRunCalendar } from '../modules/calendar/index.js';
import { composeSessionCancelledMail, composeSessionMovedMail, composeSessionTomorrowMail, sessionReminderJob } from '../modules/workshop/index.js';
import { composeRunCancelledMail } from '../modules/run/index.js';
import { composeCohortDecisionMail } from '../modules/programme/index.js';
import { composeExternalActivityDecisionMail } from '../modules/learning-hours/index.js';
import { settleAttendanceJob } from '../modules/workshop/index.js';
import { composeLearningExportReadyMail, learningExportJobs } from '../modules/learning-hours/index.js';
import { certificatePdfJob } from '../modules/certificate/index.js';
import { signCredentialsJob } from '../modules/certificate/index.js';
import { createOperationContext } from './context.js';

/**
 * Background work of one process: the job queue, the mailer and, in development without SMTP_URL, the
 * mail catcher. The server starts it with workers unless LENTERA_IN_PROCESS_WORKER=false; `lentera worker`
 * starts it with workers and no catcher (it mails the server's catcher).
 */
export interface Background {
  queue: JobQueue;
  mailer: Mailer;
  /** The development mail catcher (null in production or with SMTP_URL, and in a separate worker). */
  catcher: MailCatcher | null;
  stop(): Promise<void>;
}

const PURGE_QUEUE = 'maintenance.purge';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list of jobs whose payload types differ
function jobDefinitions(orm: MikroORM, config: AppConfig, mailer: Mailer, publicUrl: () => string): JobDefinition<any>[] {
  return [
    mailJob({
      orm, config, mailer, publicUrl,
      composers: {
        'password-reset': composePasswordResetMail,
        'enrolment-decision': withRunCalendar(composeEnrolmentDecisionMail),
        'cohort-decision': composeCohortDecisionMail,
        'registration-confirmed': composeRegistrationConfirmedMail,
        'moved-up': composeMovedUpMail,
        'run-cancelled': composeRunCancelledMail,
        'agreement-expiry': composeAgreementExpiryMail,
        'partner-invitation': composePartnerInvitationMail,
        'session-cancelled': composeSessionCancelledMail,
        'session-moved': composeSessionMovedMail,
        'session-tomorrow': composeSessionTomorrowMail,
        'external-activity-decision': composeExternalActivityDecisionMail,
        'learning-export-ready': composeLearningExportReadyMail,
      },
    }),
    agreementExpiryJob({ orm, config }),
    sessionReminderJob({ orm, config }),
    settleAttendanceJob({ orm, config }),
    ...learningExportJobs({ orm, config }),
    certificatePdfJob({ orm, config, publicUrl }),
    signCredentialsJob({ orm, config }),
    {
      name: PURGE_QUEUE,
      // Hourly: expired sessions and spent sign-in counters are dead weight, never needed again.
      schedule: '17 * * * *',
      async run() {
        await purgeExpiredAuthRows(createOperationContext({ em: orm.em.fork(), viewer: null, locale: 'id', config }));
      },
    },
  ];
}

export async function startBackground(
  orm: MikroORM,
  config: AppConfig,
  opts: { work: boolean; catcher: boolean; publicUrl: () => string; log: (msg: string) => void },
): Promise<Background> {
  let catcher: MailCatcher | null = null;
  if (opts.catcher && !config.production && !config.mail.smtpUrl) {
    catcher = new MailCatcher();
    try {
      await catcher.start(config.mail.catcherPort);
    } catch {
      // Another Lentera on this machine holds the port: catch on any free one.
      await catcher.start(0);
    }
    opts.log(`E-mail tertangkap di /dev/mail (SMTP 127.0.0.1:${catcher.port}). / Mail is caught at /dev/mail.`);
  }
  const mailer = createMailer(config.mail, { production: config.production, catcherPort: catcher?.port ?? config.mail.catcherPort });
  if (config.production && !config.mail.smtpUrl) opts.log('SMTP_URL belum diatur: e-mail tidak terkirim. / SMTP_URL is not set: mail cannot be sent.');
  try {
    const queue = await startJobQueue(orm, config.jobs, jobDefinitions(orm, config, mailer, opts.publicUrl), {
      work: opts.work,
      onError: (error) => opts.log(`job queue: ${(error as Error).message ?? String(error)}`),
    });
    return {
      queue, mailer, catcher,
      async stop() {
        await queue.stop();
        mailer.close();
        await catcher?.stop();
      },
    };
  } catch (error) {
    mailer.close();
    await catcher?.stop();
    throw error;
  }
}
