import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError, badInput, isUniqueViolation, rejectNulls } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { Agency } from '../agency/index.js';
import { writeAudit } from '../audit/index.js';
import { PartnerInstitution } from '../partner/index.js';
import { Person } from '../person/index.js';
import { Agreement, AgreementDocument } from './agreement.entity.js';
import type { AgreementsArgs, CreateAgreementInput, UpdateAgreementInput } from './agreement.inputs.js';
import { adminPartnerIds, assertCanEditAgreement, assertCanSeeAgreement, assertMayChangeAgencies, mayWriteAgreements } from './agreement.policy.js';
import { agreementById, agreementRows, toAgreement, todayInJakarta, type AgreementRow } from './agreement.sql.js';
import type { AgreementNode } from './agreement.types.js';

/** Soonest-ending first: what needs renewing comes to the top. */
const byEndCursor = keysetCursor('date', 'uuid');

/** A real calendar date (the input's pattern lets 2026-02-30 through). */
function checkDate(field: string, value: string): void {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badInput(field, 'invalidDate');
}

function checkPeriod(validFrom: string, validTo: string): void {
  checkDate('validFrom', validFrom);
  checkDate('validTo', validTo);
  if (validTo < validFrom) throw new AppError('AGREEMENT_ENDS_BEFORE_START', { from: validFrom, to: validTo }, 'validTo');
}

/**
 * The agreements the viewer may see (the parties' admins, platform admins), with filters; one statement for the
 * page and one for the total, only when selected.
 */
export async function listAgreements(ctx: SignedInOperationContext, args: AgreementsArgs): Promise<Page<AgreementNode>> {
  const { viewer } = ctx;
  const today = todayInJakarta();
  const partnerIds = adminPartnerIds(viewer);
  const agencyIds = viewer.adminAgencyIds;
  const filtered = db(ctx).selectFrom('agreement as a')
    .$if(!viewer.isPlatformAdmin, (q) => q.where((eb) => eb.or([
      ...(partnerIds.length ? [eb('a.partner_id', 'in', partnerIds)] : []),
      ...(agencyIds.length ? [eb.exists(eb.selectFrom('agreement_agency as v').select('v.agreement_id')
        .whereRef('v.agreement_id', '=', 'a.id').where('v.agency_id', 'in', agencyIds))] : []),
      // Nobody with neither grant gets here (the resolver's roles), but an empty OR must still mean "none".
      eb.val(false),
    ])))
    .$if(!!args.partnerId, (q) => q.where('a.partner_id', '=', args.partnerId!))
    .$if(!!args.agencyId, (q) => q.where((eb) => eb.exists(eb.selectFrom('agreement_agency as f').select('f.agreement_id')
      .whereRef('f.agreement_id', '=', 'a.id').where('f.agency_id', '=', args.agencyId!))))
    .$if(!!args.validOn, (q) => q.where(sql<boolean>`a.valid_from <= ${args.validOn}::date and a.valid_to >= ${args.validOn}::date`))
    .$if(args.expiringWithinDays != null, (q) => q.where(sql<boolean>`a.valid_to between ${today}::date and ${today}::date + ${args.expiringWithinDays}::int`));
  if (args.validOn) checkDate('validOn', args.validOn);
  const cursor = byEndCursor.decode(args.after);
  const ids = filtered.select('a.id');
  const rows = (await agreementRows(ctx)
    .where('a.id', 'in', ids)
    .$if(!!cursor, (q) => q.where(sql<boolean>`(a.valid_to, a.id) > (${cursor![0]}::date, ${cursor![1]}::uuid)`))
    .orderBy('a.valid_to').orderBy('a.id')
    .limit(args.first + 1)
    .execute()) as AgreementRow[];
  const count = async () => Number((await filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return toPage(rows, args.first, count, (r) => toAgreement(viewer, r, today), (r) => byEndCursor.encode([r.valid_to, r.id]));
}

export async function agreement(ctx: SignedInOperationContext, id: string): Promise<AgreementNode> {
  const row = isUuid(id) ? await agreementById(ctx, id) : null;
  assertCanSeeAgreement(ctx.viewer, row && { partnerId: row.partner_id, agencyIds: row.agencies.map((g) => g.id) });
  return toAgreement(ctx.viewer, row!);
}

/** The agencies named, which must exist; an agency admin names only agencies they administer when adding. */
async function checkAgencies(tx: SignedInOperationContext, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const found = await db(tx).selectFrom('agency').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new AppError('NOT_FOUND', { what: 'agency' }, 'agencyIds');
  return unique;
}

/**
 * A document uploaded by this viewer and not yet any agreement's, locked so two agreements cannot take it;
 * BAD_USER_INPUT otherwise (someone else's upload is as good as none).
 */
async function claimDocument(tx: SignedInOperationContext, documentId: string): Promise<AgreementDocument> {
  const row = await db(tx).selectFrom('agreement_document as d').select('d.id')
    .where('d.id', '=', documentId).where('d.uploaded_by_id', '=', tx.viewer.personId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('agreement as x').select('x.id').whereRef('x.document_id', '=', 'd.id'))))
    .forUpdate().executeTakeFirst();
  if (!row) throw badInput('documentId', 'unknownDocument');
  return tx.em.getReference(AgreementDocument, row.id);
}

function mapWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'agreement_number_per_partner')) return new AppError('DUPLICATE_AGREEMENT_NUMBER', {}, 'number');
  if (isUniqueViolation(error, 'agreement_document_once')) return badInput('documentId', 'unknownDocument');
  return error;
}

function checkOneDocument(documentId: string | null | undefined, documentUrl: string | null | undefined): void {
  if (documentId && documentUrl) throw badInput('documentUrl', 'documentOrLink');
}

export async function createAgreement(ctx: SignedInOperationContext, input: CreateAgreementInput): Promise<AgreementNode> {
  const { viewer } = ctx;
  if (!mayWriteAgreements(viewer)) throw new AppError('FORBIDDEN');
  checkPeriod(input.validFrom, input.validTo);
  checkOneDocument(input.documentId, input.documentUrl);
  let id: string;
  try {
    id = await inTransaction(ctx, async (tx) => {
      const partner = await tx.em.findOne(PartnerInstitution, { id: input.partnerId });
      if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' }, 'partnerId');
      const agencyIds = await checkAgencies(tx, input.agencyIds);
      assertMayChangeAgencies(viewer, [], agencyIds);
      const agreement = new Agreement({
        kind: input.kind, number: input.number.trim(), title: input.title.trim(), partner,
        validFrom: input.validFrom, validTo: input.validTo, scope: [...new Set(input.scope)],
      });
      for (const agencyId of agencyIds) agreement.agencies.add(tx.em.getReference(Agency, agencyId));
      if (input.documentId) agreement.document = await claimDocument(tx, input.documentId);
      agreement.documentUrl = input.documentUrl?.trim() || null;
      agreement.createdBy = tx.em.getReference(Person, viewer.personId);
      tx.em.persist(agreement);
      writeAudit(tx, 'agreement.create', 'Agreement', agreement.id, {
        kind: agreement.kind, number: agreement.number, partnerId: partner.id, agencyIds,
        validFrom: agreement.validFrom, validTo: agreement.validTo, scope: agreement.scope, documentId: input.documentId ?? null,
      });
      await tx.em.flush();
      return agreement.id;
    });
  } catch (error) {
    throw mapWriteError(error);
  }
  return toAgreement(viewer, (await agreementById(ctx, id))!);
}

export async function updateAgreement(ctx: SignedInOperationContext, id: string, input: UpdateAgreementInput): Promise<AgreementNode> {
  const { viewer } = ctx;
  rejectNulls(input, ['kind', 'number', 'title', 'agencyIds', 'validFrom', 'validTo', 'scope']);
  checkOneDocument(input.documentId, input.documentUrl);
  try {
    await inTransaction(ctx, async (tx) => {
      // The row lock orders concurrent edits of one agreement (the agency set is read, then replaced).
      const locked = isUuid(id) ? await db(tx).selectFrom('agreement').select('id').where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
      const agreement = locked ? await tx.em.findOne(Agreement, { id }, { populate: ['agencies'] }) : null;
      const before = agreement ? agreement.agencies.getItems().map((g) => g.id) : [];
      assertCanEditAgreement(viewer, agreement && { partnerId: agreement.partner.id, agencyIds: before });
      const changes: Record<string, unknown> = {};
      const validFrom = input.validFrom ?? agreement!.validFrom;
      const validTo = input.validTo ?? agreement!.validTo;
      checkPeriod(validFrom, validTo);
      const a = agreement!;
      if (input.kind != null && input.kind !== a.kind) changes.kind = a.kind = input.kind;
      if (input.number != null && input.number.trim() !== a.number) changes.number = a.number = input.number.trim();
      if (input.title != null && input.title.trim() !== a.title) changes.title = a.title = input.title.trim();
      if (validFrom !== a.validFrom) changes.validFrom = a.validFrom = validFrom;
      if (validTo !== a.validTo) changes.validTo = a.validTo = validTo;
      if (input.scope != null) {
        const scope = [...new Set(input.scope)];
        if (scope.join() !== a.scope.join()) changes.scope = a.scope = scope;
      }
      if (input.agencyIds != null) {
        const after = await checkAgencies(tx, input.agencyIds);
        assertMayChangeAgencies(viewer, before, after);
        if ([...after].sort().join() !== [...before].sort().join()) {
          a.agencies.set(after.map((agencyId) => tx.em.getReference(Agency, agencyId)));
          changes.agencyIds = after;
        }
      }
      let dropped: string | null = null;
      if (input.documentId !== undefined || input.documentUrl !== undefined) {
        // A new document or link replaces the old one; the replaced upload is deleted with this change.
        dropped = a.document?.id ?? null;
        a.document = input.documentId ? await claimDocument(tx, input.documentId) : null;
        a.documentUrl = input.documentUrl?.trim() || null;
        if (dropped === a.document?.id) dropped = null;
        changes.documentId = a.document?.id ?? null;
        changes.documentUrl = a.documentUrl;
      }
      if (Object.keys(changes).length) writeAudit(tx, 'agreement.update', 'Agreement', a.id, changes);
      await tx.em.flush();
      if (dropped) await db(tx).deleteFrom('agreement_document').where('id', '=', dropped).execute();
    });
  } catch (error) {
    throw mapWriteError(error);
  }
  return toAgreement(viewer, (await agreementById(ctx, id))!);
}
