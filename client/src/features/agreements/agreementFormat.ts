import { formatShortDate } from '../../ui/format';

/** An agreement's day (YYYY-MM-DD, a calendar date with no zone): "31 Des 2027". */
export function agreementDay(day: string, language: string): string {
  return formatShortDate(`${day}T00:00:00Z`, language === 'en' ? 'en' : 'id', 'UTC');
}

/** The largest document the server keeps (agreement.http.ts). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Every form of development, in the server's order (course.enums.ts). */
export const ALL_FORMS = [
  'DEGREE_STUDY', 'LEADERSHIP_TRAINING', 'MANAGERIAL_TRAINING', 'TECHNICAL_TRAINING', 'FUNCTIONAL_TRAINING', 'SOCIO_CULTURAL_TRAINING',
  'SEMINAR', 'WORKSHOP', 'COURSE', 'UPGRADING', 'TECHNICAL_GUIDANCE', 'SOCIALISATION', 'COACHING', 'MENTORING', 'E_LEARNING',
  'DISTANCE_LEARNING', 'SECONDMENT', 'OUTBOUND', 'BENCHMARKING', 'STAFF_EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE',
  'ON_THE_JOB_GUIDANCE', 'INTERNSHIP',
] as const;

/**
 * Sends a PDF to the server as the raw body (`application/pdf`, which a cross-site form cannot send) and answers
 * the upload's id, or the error code the server gave (DOCUMENT_TOO_LARGE, DOCUMENT_NOT_PDF, …).
 */
export async function uploadAgreementDocument(file: File, language: string): Promise<{ id: string } | { code: string; message: string }> {
  const response = await fetch('/files/agreement-documents', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/pdf', 'accept-language': language },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; errors?: { message: string; extensions?: { code?: string } }[] };
  if (response.ok && body.id) return { id: body.id };
  const error = body.errors?.[0];
  return { code: error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', message: error?.message ?? '' };
}
