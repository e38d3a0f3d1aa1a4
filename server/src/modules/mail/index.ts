export { MailCatcher, type CaughtMail } from './catcher.js';
export { createMailer, type Mailer } from './mailer.js';
export { layout } from './layout.js';
export { enqueueMail, mailJob, type MailComposer } from './mail.job.js';
export { composeEnrolmentDecisionMail } from './enrolment-decision.mail.js';
export { devMailRouter } from './dev-mail-page.js';
