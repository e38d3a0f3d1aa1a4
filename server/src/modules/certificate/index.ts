/*
 * Certificates (sertifikat): issued exactly once when a course run, workshop or programme is completed (or by an
 * admin for a verified external activity), with a gapless serial per agency and year, a public verification page,
 * a PDF and a signed Open Badges credential. ARCHITECTURE.md "Certificates" describes the parts.
 */
import { onEnrolmentOutcomesChanged } from '../enrolment/index.js';
import { onProgrammeCompletionsChanged } from '../programme/index.js';
import { onCertificatesIssued } from './certificate.hooks.js';
import { CertificateResolver } from './certificate.resolver.js';
import { certifyEnrolmentOutcomes, certifyProgrammeOutcomes } from './issue.listeners.js';
import { CertificatePdfResolver } from './pdf.resolver.js';
import { queueCertificatePdfs } from './pdf.service.js';

export { CertificateSource, CertificateStatus } from './certificate.entity.js';
export { issueCertificates, revokeCertificatesForSources } from './issue.service.js';
export { certificatePdfJob } from './pdf.job.js';
export { certificateFilesRouter } from './pdf.http.js';

// Issued in the transaction that completes: an enrolment (course run, workshop settlement) or a programme's path.
onEnrolmentOutcomesChanged(certifyEnrolmentOutcomes);
onProgrammeCompletionsChanged(certifyProgrammeOutcomes);
// The PDF: PENDING rows and render jobs in the issuing transaction (pdf.service.ts).
onCertificatesIssued(queueCertificatePdfs);

/** Every resolver of the module; each part adds its own classes here (one line each). */
export const certificateResolvers = [
  CertificateResolver,
  CertificatePdfResolver,
] as const;
