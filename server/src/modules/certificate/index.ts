/*
 * Certificates (sertifikat): issued exactly once when a course run, workshop or programme is completed (or by an
 * admin for a verified external activity), with a gapless serial per agency and year, a public verification page,
 * a PDF and a signed Open Badges credential. ARCHITECTURE.md "Certificates" describes the parts.
 */
import { onEnrolmentOutcomesChanged } from '../enrolment/index.js';
import { onProgrammeCompletionsChanged } from '../programme/index.js';
import { CertificateResolver } from './certificate.resolver.js';
import { certifyEnrolmentOutcomes, certifyProgrammeOutcomes } from './issue.listeners.js';
import { onCertificatesIssued, onCertificatesStatusChanged } from './certificate.hooks.js';
import { CredentialResolver } from './credential.resolver.js';
import { prepareCredentials, publishStatusChange } from './credential.service.js';

export { CertificateSource, CertificateStatus } from './certificate.entity.js';
export { issueCertificates, revokeCertificatesForSources } from './issue.service.js';
export { credentialRouter } from './credential.http.js';
export { signCredentialsJob, signDocument } from './credential.service.js';
// For tests (the forgery corpus signs with an agency's real key; the loader's refusals).
export { offlineDocumentLoader, RefusedDocumentError } from './credential.contexts.js';
export { activeKey, type IssuerKeyRow } from './issuer-key.service.js';

// Issued in the transaction that completes: an enrolment (course run, workshop settlement) or a programme's path.
onEnrolmentOutcomesChanged(certifyEnrolmentOutcomes);
onProgrammeCompletionsChanged(certifyProgrammeOutcomes);
// Open Badges: a credential row and status index at issuance (signed by a job); revocation sets the status bit.
onCertificatesIssued(prepareCredentials);
onCertificatesStatusChanged(publishStatusChange);

/** Every resolver of the module; each part adds its own classes here (one line each). */
export const certificateResolvers = [
  CertificateResolver,
  CredentialResolver,
] as const;
