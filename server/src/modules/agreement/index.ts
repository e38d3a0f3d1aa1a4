import { AgreementResolver } from './agreement.resolver.js';

export { Agreement, AgreementKind } from './agreement.entity.js';
/** The run module calls this where it writes a run's instructors (partner staff need a covering agreement). */
export { assertInstructorsCovered } from './agreement.gate.js';
export { agreementExpiryJob, composeAgreementExpiryMail, AGREEMENT_EXPIRY_QUEUE } from './agreement-expiry.js';
export { agreementFilesRouter } from './agreement.http.js';

export const agreementResolvers = [AgreementResolver] as const;
