export { MailCatcher, type CaughtMail } from './catcher.js';
export { createMailer, type Mailer, type OutgoingMail } from './mailer.js';
export { layout } from './layout.js';
export { enqueueMail, enqueueMails, enqueueRunCancelledMails, enqueueSeatMails, mailJob, type MailComposer, type MailRequest } from './mail.job.js';
export { composeEnrolmentDecisionMail } from './enrolment-decision.mail.js';
export { devMailRouter } from './dev-mail-page.js';
