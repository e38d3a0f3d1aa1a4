import { sql } from 'kysely';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError, badInput } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { mayManageSigners, type SignerOwner } from './signer.policy.js';
import type { CertificateSignerInput, CertificateSignerType, CreateCertificateSignerInput } from './signer.types.js';

/** An agency or partner has at most this many signers (so their list needs no paging: a certificate prints a few). */
const MAX_SIGNERS = 20;
/** The largest signature image kept (the table's CHECK says the same). */
export const MAX_SIGNATURE_BYTES = 512 * 1024;

const columns = ['s.id', 's.agency_id', 's.partner_id', 's.name', 's.position', 's.display_order', 's.active',
  sql<boolean>`s.signature_image is not null`.as('has_signature')] as const;

type SignerRow = { id: string; agency_id: string | null; partner_id: string | null; name: string; position: string; display_order: number; active: boolean; has_signature: boolean };

const toSigner = (r: SignerRow): CertificateSignerType => ({
  id: r.id, agencyId: r.agency_id, partnerId: r.partner_id, name: r.name, position: r.position, displayOrder: r.display_order,
  active: r.active, hasSignature: r.has_signature,
});

function ownerOf(input: { agencyId?: string | null; partnerId?: string | null }): SignerOwner {
  const agencyId = input.agencyId ?? null;
  const partnerId = input.partnerId ?? null;
  if ((agencyId === null) === (partnerId === null)) throw badInput('agencyId', 'agencyOrPartner');
  for (const id of [agencyId, partnerId]) if (id !== null && !isUuid(id)) throw new AppError('NOT_FOUND', { what: agencyId ? 'agency' : 'partner' });
  return { agencyId, partnerId };
}

function assertManages(ctx: SignedInOperationContext, owner: SignerOwner): void {
  if (!mayManageSigners(ctx.viewer, owner)) throw new AppError('NOT_FOUND', { what: owner.agencyId ? 'agency' : 'partner' });
}

/** An agency's or a partner's signers in print order (at most MAX_SIGNERS), for those who manage them. */
export async function certificateSigners(ctx: SignedInOperationContext, input: { agencyId?: string | null; partnerId?: string | null }): Promise<CertificateSignerType[]> {
  const owner = ownerOf(input);
  assertManages(ctx, owner);
  const rows = await db(ctx).selectFrom('certificate_signer as s').select(columns)
    .where(owner.agencyId ? 's.agency_id' : 's.partner_id', '=', (owner.agencyId ?? owner.partnerId)!)
    .orderBy('s.display_order').orderBy('s.created_at').limit(MAX_SIGNERS).execute();
  return rows.map(toSigner);
}

/** The signer with its owner, for those who manage it (NOT_FOUND otherwise), row-locked in a transaction. */
async function signerForChange(ctx: SignedInOperationContext, id: string): Promise<SignerRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'certificateSigner' });
  const row = await db(ctx).selectFrom('certificate_signer as s').select(columns).where('s.id', '=', id).forUpdate().executeTakeFirst();
  if (!row || !mayManageSigners(ctx.viewer, { agencyId: row.agency_id, partnerId: row.partner_id })) throw new AppError('NOT_FOUND', { what: 'certificateSigner' });
  return row;
}

const clean = (input: CertificateSignerInput) => ({
  name: input.name.trim(), position: input.position.trim(), display_order: input.displayOrder ?? 1, active: input.active ?? true,
});

export async function createCertificateSigner(ctx: SignedInOperationContext, input: CreateCertificateSignerInput): Promise<CertificateSignerType> {
  const owner = ownerOf(input);
  assertManages(ctx, owner);
  return inTransaction(ctx, async (tx) => {
    const d = db(tx);
    // Serialises additions per owner, so the cap holds under concurrent requests.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`certificate-signers:${owner.agencyId ?? owner.partnerId}`}, 0))`.execute(d);
    const { n } = await d.selectFrom('certificate_signer').select(sql<number>`count(*)::int`.as('n'))
      .where(owner.agencyId ? 'agency_id' : 'partner_id', '=', (owner.agencyId ?? owner.partnerId)!).executeTakeFirstOrThrow();
    if (n >= MAX_SIGNERS) throw new AppError('CERTIFICATE_SIGNERS_LIMIT', { max: MAX_SIGNERS });
    const { id } = await d.insertInto('certificate_signer').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
      agency_id: owner.agencyId, partner_id: owner.partnerId, ...clean(input),
    }).returning('id').executeTakeFirstOrThrow();
    writeAudit(tx, 'certificateSigner.create', 'CertificateSigner', id, { ...owner, name: input.name.trim(), position: input.position.trim() });
    return toSigner((await d.selectFrom('certificate_signer as s').select(columns).where('s.id', '=', id).executeTakeFirstOrThrow()));
  });
}

export async function updateCertificateSigner(ctx: SignedInOperationContext, id: string, input: CertificateSignerInput): Promise<CertificateSignerType> {
  return inTransaction(ctx, async (tx) => {
    const before = await signerForChange(tx, id);
    const d = db(tx);
    await d.updateTable('certificate_signer').set({ ...clean(input), updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    writeAudit(tx, 'certificateSigner.update', 'CertificateSigner', id, {
      before: { name: before.name, position: before.position, displayOrder: before.display_order, active: before.active }, after: clean(input),
    });
    return toSigner(await d.selectFrom('certificate_signer as s').select(columns).where('s.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Issued certificates keep their printed signers (the snapshot's id becomes a dangling reference, its image gone). */
export async function deleteCertificateSigner(ctx: SignedInOperationContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const before = await signerForChange(tx, id);
    await db(tx).deleteFrom('certificate_signer').where('id', '=', id).execute();
    writeAudit(tx, 'certificateSigner.delete', 'CertificateSigner', id, { agencyId: before.agency_id, partnerId: before.partner_id, name: before.name });
    return true;
  });
}

/** Stores a signer's signature image (checked PNG by the caller), replacing any before, with an audit row. */
export async function saveSignatureImage(ctx: SignedInOperationContext, id: string, png: Buffer): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await signerForChange(tx, id);
    await db(tx).updateTable('certificate_signer').set({ signature_image: png, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    writeAudit(tx, 'certificateSigner.signature', 'CertificateSigner', id, { byteSize: png.length });
  });
}

/** The signature image for those who manage the signer; null when there is none or it is not theirs. */
export async function signatureImage(ctx: OperationContext & SignedInOperationContext, id: string): Promise<Buffer | null> {
  if (!isUuid(id)) return null;
  const row = await db(ctx).selectFrom('certificate_signer').select(['agency_id', 'partner_id', 'signature_image']).where('id', '=', id).executeTakeFirst();
  if (!row || !row.signature_image || !mayManageSigners(ctx.viewer, { agencyId: row.agency_id, partnerId: row.partner_id })) return null;
  return row.signature_image;
}
