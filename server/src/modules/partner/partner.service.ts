import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError, isUniqueViolation, rejectNulls } from '../../shared/errors.js';
import { nameIdCursor, toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { PartnerInstitution, type PartnerKind } from './partner.entity.js';
import { administersPartner, mayChangeIdentityOfPartner } from './partner.policy.js';
import type { CreatePartnerInstitutionInput, PartnerInstitutionsArgs, UpdatePartnerInstitutionInput } from './partner.inputs.js';
import type { PartnerNode } from './partner.types.js';

const PARTNER_COLUMNS = ['p.id', 'p.code', 'p.name', 'p.kind', 'p.city', 'p.website', 'p.contact_email', 'p.contact_phone'] as const;

interface PartnerRow {
  id: string; code: string; name: string; kind: PartnerKind; city: string | null;
  website: string | null; contact_email: string | null; contact_phone: string | null;
}

const toPartner = (r: PartnerRow): PartnerNode => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, city: r.city, website: r.website, contactEmail: r.contact_email, contactPhone: r.contact_phone,
});

/** Count and page: two statements whatever the page size. Partners are public to everyone signed in. */
export async function listPartners(ctx: OperationContext, args: PartnerInstitutionsArgs): Promise<Page<PartnerNode>> {
  const search = args.search?.trim();
  const filtered = db(ctx).selectFrom('partner_institution as p')
    .$if(!!search, (q) => q.where((eb) => eb.or([
      eb('p.name', 'ilike', `%${escapeLike(search!)}%`),
      eb('p.code', 'ilike', `${escapeLike(search!)}%`),
      eb('p.city', 'ilike', `${escapeLike(search!)}%`),
    ])));
  const { n } = await filtered.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow();
  const cursor = nameIdCursor.decode(args.after);
  const rows = await filtered
    .select(PARTNER_COLUMNS)
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(cursor![0], cursor![1]))))
    .orderBy('p.name').orderBy('p.id')
    .limit(args.first + 1)
    .execute();
  return toPage(rows, args.first, n, toPartner, (r) => nameIdCursor.encode([r.name, r.id]));
}

async function findPartnerRow(ctx: OperationContext, id: string): Promise<PartnerRow | null> {
  if (!isUuid(id)) return null;
  return (await db(ctx).selectFrom('partner_institution as p').select(PARTNER_COLUMNS).where('p.id', '=', id).executeTakeFirst()) ?? null;
}

async function assertCodeFree(tx: OperationContext, code: string, exceptId: string | null): Promise<void> {
  const taken = await db(tx).selectFrom('partner_institution').select('id')
    .where('code', '=', code).where('id', 'is distinct from', exceptId).executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE_CODE', {}, 'code');
}

function mapWriteError(error: unknown): unknown {
  return isUniqueViolation(error, 'partner_institution_code_unique') ? new AppError('DUPLICATE_CODE', {}, 'code') : error;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const emailOrNull = (s: string | null | undefined) => blankToNull(s)?.toLowerCase() ?? null;

/** One institution with its contact: its partner admins and platform admins; NOT_FOUND to anyone else. */
export async function getPartner(ctx: SignedInOperationContext, id: string): Promise<PartnerNode> {
  const row = administersPartner(ctx.viewer, id) && isUuid(id) ? await findPartnerRow(ctx, id) : null;
  if (!row) throw new AppError('NOT_FOUND', { what: 'partner' });
  return toPartner(row);
}

export async function createPartner(ctx: SignedInOperationContext, input: CreatePartnerInstitutionInput): Promise<PartnerNode> {
  if (!ctx.viewer.isPlatformAdmin) throw new AppError('FORBIDDEN');
  const code = input.code.toUpperCase();
  try {
    const id = await inTransaction(ctx, async (tx) => {
      await assertCodeFree(tx, code, null);
      const partner = new PartnerInstitution(code, input.name.trim(), input.kind);
      partner.city = blankToNull(input.city);
      partner.website = blankToNull(input.website);
      partner.contactEmail = emailOrNull(input.contactEmail);
      partner.contactPhone = blankToNull(input.contactPhone);
      tx.em.persist(partner);
      writeAudit(tx, 'partner.create', 'PartnerInstitution', partner.id, {
        code, name: partner.name, kind: partner.kind, city: partner.city,
        website: partner.website, contactEmail: partner.contactEmail, contactPhone: partner.contactPhone,
      });
      await tx.em.flush();
      return partner.id;
    });
    return toPartner((await findPartnerRow(ctx, id))!);
  } catch (error) {
    throw mapWriteError(error);
  }
}

/** Platform admins change everything; the institution's own partner admins everything but code and kind. */
export async function updatePartner(ctx: SignedInOperationContext, id: string, input: UpdatePartnerInstitutionInput): Promise<PartnerNode> {
  if (!administersPartner(ctx.viewer, id)) throw new AppError('NOT_FOUND', { what: 'partner' });
  rejectNulls(input, ['code', 'name', 'kind']);
  try {
    await inTransaction(ctx, async (tx) => {
      const partner = isUuid(id) ? await tx.em.findOne(PartnerInstitution, { id }) : null;
      if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' });
      const changesIdentity = (input.code !== undefined && input.code.toUpperCase() !== partner.code) || (input.kind != null && input.kind !== partner.kind);
      if (changesIdentity && !mayChangeIdentityOfPartner(ctx.viewer)) throw new AppError('FORBIDDEN');
      const changes: Record<string, unknown> = {};
      if (input.code !== undefined && input.code.toUpperCase() !== partner.code) {
        const code = input.code.toUpperCase();
        await assertCodeFree(tx, code, partner.id);
        changes.code = partner.code = code;
      }
      if (input.name !== undefined && input.name.trim() !== partner.name) changes.name = partner.name = input.name.trim();
      if (input.kind != null && input.kind !== partner.kind) changes.kind = partner.kind = input.kind;
      if (input.city !== undefined && blankToNull(input.city) !== partner.city) changes.city = partner.city = blankToNull(input.city);
      if (input.website !== undefined && blankToNull(input.website) !== partner.website) changes.website = partner.website = blankToNull(input.website);
      if (input.contactEmail !== undefined && emailOrNull(input.contactEmail) !== partner.contactEmail) {
        changes.contactEmail = partner.contactEmail = emailOrNull(input.contactEmail);
      }
      if (input.contactPhone !== undefined && blankToNull(input.contactPhone) !== partner.contactPhone) {
        changes.contactPhone = partner.contactPhone = blankToNull(input.contactPhone);
      }
      if (Object.keys(changes).length) writeAudit(tx, 'partner.update', 'PartnerInstitution', partner.id, changes);
      await tx.em.flush();
    });
  } catch (error) {
    throw mapWriteError(error);
  }
  return toPartner((await findPartnerRow(ctx, id))!);
}
