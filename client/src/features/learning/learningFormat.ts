/** What the evidence upload answers: the upload's id, or the server's error code and message (EVIDENCE_TOO_LARGE …). */
export type EvidenceUpload = { id: string } | { code: string; message: string };

/** The largest evidence file the server keeps (external-activity.entity.ts says the same). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/**
 * Sends an evidence file as the raw body (never a form's content type, which the server refuses) and answers the
 * upload's id. The server recognises PDF, JPEG and PNG by their first bytes, whatever the file is called.
 */
export async function uploadEvidence(file: File, language: string): Promise<EvidenceUpload> {
  const type = file.type && !file.type.startsWith('multipart/') && !file.type.startsWith('text/') ? file.type : 'application/octet-stream';
  const response = await fetch(`/files/external-activity-evidence?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': type, 'accept-language': language },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; errors?: { message: string; extensions?: { code?: string } }[] };
  if (response.ok && body.id) return { id: body.id };
  const error = body.errors?.[0];
  return { code: error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', message: error?.message ?? '' };
}

/** Today in Jakarta, YYYY-MM-DD (activities end on or before it). */
export const todayInJakarta = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** A calendar date (YYYY-MM-DD) as words in the UI language, never shifted by a time zone. */
export function calendarDay(value: string, language: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}
