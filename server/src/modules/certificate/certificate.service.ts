import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { canSeeCertificate } from './certificate.policy.js';
import { certificateColumns, toCertificate, type CertificateRow } from './certificate.sql.js';
import type { Certificate } from './certificate.types.js';

const issuedCursor = keysetCursor('timestamp', 'uuid');

/** One certificate, for those `canSeeCertificate` lets read it; NOT_FOUND for anyone else and for a bad id. */
export async function certificateById(ctx: SignedInOperationContext, id: string): Promise<Certificate> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'certificate' });
  const row = await db(ctx).selectFrom('certificate as c').select(certificateColumns).where('c.id', '=', id).executeTakeFirst();
  const certificate = row && toCertificate(row);
  if (!certificate || !canSeeCertificate(ctx.viewer, certificate)) throw new AppError('NOT_FOUND', { what: 'certificate' });
  return certificate;
}

/**
 * The viewer's certificates, newest first (every status: a revoked or superseded one stays in their history); with
 * `year`, those whose learning was completed in that calendar year in Asia/Jakarta, the year its JP count in.
 */
export async function myCertificates(ctx: SignedInOperationContext, first: number, after?: string | null, year: number | null = null): Promise<Page<Certificate>> {
  const cursor = issuedCursor.decode(after);
  const inYear = sql<boolean>`extract(year from c.completed_at at time zone 'Asia/Jakarta') = ${year}`;
  let q = db(ctx).selectFrom('certificate as c').select(certificateColumns).where('c.person_id', '=', ctx.viewer.personId);
  if (year !== null) q = q.where(inYear);
  if (cursor) q = q.where(sql<boolean>`(c.issued_at, c.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  const rows = (await q.orderBy('c.issued_at', 'desc').orderBy('c.id', 'desc').limit(first + 1).execute()) as unknown as CertificateRow[];
  const count = async () => {
    let c = db(ctx).selectFrom('certificate as c').select(sql<number>`count(*)::int`.as('n')).where('c.person_id', '=', ctx.viewer.personId);
    if (year !== null) c = c.where(inYear);
    const { n } = await c.executeTakeFirstOrThrow();
    return n;
  };
  return toPage(rows, first, count, toCertificate, (r) => issuedCursor.encode([new Date(r.issued_at).toISOString(), r.id]));
}
