/*
 * Certificates (sertifikat): issued exactly once when a course run, workshop or programme is completed (or by an
 * admin for a verified external activity), with a gapless serial per agency and year, a public verification page,
 * a PDF and a signed Open Badges credential. ARCHITECTURE.md "Certificates" describes the parts.
 */
import { onEnrolmentOutcomesChanged } from '../enrolment/index.js';
import { onProgrammeCompletionsChanged } from '../programme/index.js';
import { CertificateResolver } from './certificate.resolver.js';
import { certifyEnrolmentOutcomes, certifyProgrammeOutcomes } from './issue.listeners.js';
import { CertificateLifecycleResolver } from './lifecycle.resolver.js';
import { externalActivityFacts } from './lifecycle.external.js';
import { registerFactsReader as registerReader } from './issue.facts.js';
import { CertificateSource as Source } from './certificate.entity.js';
import { CertificateSignerResolver } from './signer.resolver.js';
import { CertificateVerifyPageResolver } from './verify-page.resolver.js';

export { CertificateSource } from './certificate.entity.js';
export { issueCertificates, revokeCertificatesForSources } from './issue.service.js';
/** @public The learning-hours record registers EXTERNAL_ACTIVITY's facts reader (its verified activities) through this (jp area). */
export { registerFactsReader, type CertificateFactsRow } from './issue.facts.js';
export { signerFilesRouter } from './signer.http.js';
export { supersedeWithCurrentFacts } from './lifecycle.service.js';
export { onCertificatesStatusChanged } from './certificate.hooks.js';
export { COMPLETION_WITHDRAWN_REASON } from './issue.listeners.js';
export { MIN_ANSWER_MS, VERIFICATIONS_PER_ADDRESS } from './verify-page.service.js';
import { CertificatePdfResolver } from './pdf.resolver.js';
import { queueCertificatePdfs } from './pdf.service.js';
export { certificatePdfJob } from './pdf.job.js';
export { certificateFilesRouter } from './pdf.http.js';
import { onCertificatesIssued, onCertificatesStatusChanged } from './certificate.hooks.js';
import { CredentialResolver } from './credential.resolver.js';
import { prepareCredentials, publishStatusChange } from './credential.service.js';

export { credentialRouter } from './credential.http.js';
export { signCredentialsJob, signDocument } from './credential.service.js';
// For tests (the forgery corpus signs with an agency's real key; the loader's refusals).
export { offlineDocumentLoader, RefusedDocumentError } from './credential.contexts.js';
export { activeKey, type IssuerKeyRow } from './issuer-key.service.js';

// Issued in the transaction that completes: an enrolment (course run, workshop settlement) or a programme's path.
onEnrolmentOutcomesChanged(certifyEnrolmentOutcomes);
onProgrammeCompletionsChanged(certifyProgrammeOutcomes);
// External activities: their facts come from the learning-hours record's verified activities.
registerReader(Source.EXTERNAL_ACTIVITY, externalActivityFacts);
// The PDF: PENDING rows and render jobs in the issuing transaction (pdf.service.ts).
onCertificatesIssued(queueCertificatePdfs);
// Open Badges: a credential row and status index at issuance (signed by a job); revocation sets the status bit.
onCertificatesIssued(prepareCredentials);
onCertificatesStatusChanged(publishStatusChange);

/** Every resolver of the module; each part adds its own classes here (one line each). */
export const certificateResolvers = [
  CertificateResolver,
  CertificateLifecycleResolver,
  CertificateSignerResolver,
  CertificateVerifyPageResolver,
  CertificatePdfResolver,
  CredentialResolver,
] as const;
