import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError, isUniqueViolation, rejectNulls } from '../../shared/errors.js';
import { nameIdCursor, toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { Agency } from './agency.entity.js';
import type { AgenciesArgs, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs.js';
import { canManageAgencies, canSeeAgency } from './agency.policy.js';
import type { AgencyNode } from './agency.types.js';

const AGENCY_COLUMNS = ['a.id', 'a.code', 'a.name', 'a.kind', 'a.time_zone', 'a.active'] as const;

type AgencyRow = Pick<AgencyNode, 'id' | 'code' | 'name' | 'kind' | 'active'> & { time_zone: string };

function toAgency(row: AgencyRow): AgencyNode {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, timeZone: row.time_zone, active: row.active };
}

/** Two statements whatever the page size: the count and the page. */
export async function listAgencies(ctx: SignedInOperationContext, args: AgenciesArgs): Promise<Page<AgencyNode>> {
  const { viewer } = ctx;
  const search = args.search?.trim();
  const filtered = db(ctx).selectFrom('agency as a')
    .$if(!viewer.isPlatformAdmin, (q) => q.where('a.active', '=', true))
    .$if(viewer.isPlatformAdmin && args.active != null, (q) => q.where('a.active', '=', args.active!))
    .$if(!!search, (q) => q.where((eb) => eb.or([
      eb('a.name', 'ilike', `%${escapeLike(search!)}%`),
      eb('a.code', 'ilike', `${escapeLike(search!)}%`),
    ])));
  const { n } = await filtered.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow();

  const cursor = nameIdCursor.decode(args.after);
  const rows = await filtered
    .select(AGENCY_COLUMNS)
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('a.name', 'a.id'), '>', eb.tuple(cursor![0], cursor![1]))))
    .orderBy('a.name').orderBy('a.id')
    .limit(args.first + 1)
    .execute();
  return toPage(rows, args.first, n, toAgency, (r) => nameIdCursor.encode([r.name, r.id]));
}

async function findAgencyRow(ctx: OperationContext, id: string): Promise<AgencyRow | null> {
  if (!isUuid(id)) return null;
  const row = await db(ctx).selectFrom('agency as a').select(AGENCY_COLUMNS).where('a.id', '=', id).executeTakeFirst();
  return row ?? null;
}

export async function getAgency(ctx: SignedInOperationContext, id: string): Promise<AgencyNode> {
  const row = await findAgencyRow(ctx, id);
  if (!row || !canSeeAgency(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'agency' });
  return toAgency(row);
}

function assertPlatformAdmin(viewer: Viewer): void {
  if (!canManageAgencies(viewer)) throw new AppError('FORBIDDEN');
}

/** The code is unique: checked first for a clear answer, and the constraint catches a race. */
async function assertCodeFree(tx: SignedInOperationContext, code: string, exceptId: string | null): Promise<void> {
  const taken = await db(tx).selectFrom('agency').select('id')
    .where('code', '=', code).where('id', 'is distinct from', exceptId).executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE_CODE', {}, 'code');
}

function mapWriteError(error: unknown): unknown {
  return isUniqueViolation(error, 'agency_code_unique') ? new AppError('DUPLICATE_CODE', {}, 'code') : error;
}

export async function createAgency(ctx: SignedInOperationContext, input: CreateAgencyInput): Promise<AgencyNode> {
  assertPlatformAdmin(ctx.viewer);
  const code = input.code.toUpperCase();
  const name = input.name.trim();
  try {
    const id = await inTransaction(ctx, async (tx) => {
      await assertCodeFree(tx, code, null);
      const agency = new Agency(code, name, input.kind);
      agency.timeZone = input.timeZone;
      tx.em.persist(agency);
      writeAudit(tx, 'agency.create', 'Agency', agency.id, { code, name, kind: input.kind, timeZone: input.timeZone });
      await tx.em.flush();
      return agency.id;
    });
    return toAgency((await findAgencyRow(ctx, id))!);
  } catch (error) {
    throw mapWriteError(error);
  }
}

export async function updateAgency(ctx: SignedInOperationContext, id: string, input: UpdateAgencyInput): Promise<AgencyNode> {
  assertPlatformAdmin(ctx.viewer);
  rejectNulls(input, ['code', 'name', 'kind', 'timeZone']);
  try {
    await inTransaction(ctx, async (tx) => {
      const agency = isUuid(id) ? await tx.em.findOne(Agency, { id }) : null;
      if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' });
      const changes: Record<string, unknown> = {};
      if (input.code !== undefined && input.code.toUpperCase() !== agency.code) {
        const code = input.code.toUpperCase();
        await assertCodeFree(tx, code, agency.id);
        changes.code = agency.code = code;
      }
      if (input.name !== undefined && input.name.trim() !== agency.name) changes.name = agency.name = input.name.trim();
      if (input.kind != null && input.kind !== agency.kind) changes.kind = agency.kind = input.kind;
      if (input.timeZone !== undefined && input.timeZone !== agency.timeZone) changes.timeZone = agency.timeZone = input.timeZone;
      if (Object.keys(changes).length) writeAudit(tx, 'agency.update', 'Agency', agency.id, changes);
      await tx.em.flush();
    });
  } catch (error) {
    throw mapWriteError(error);
  }
  return toAgency((await findAgencyRow(ctx, id))!);
}

export async function setAgencyActive(ctx: SignedInOperationContext, id: string, active: boolean): Promise<AgencyNode> {
  assertPlatformAdmin(ctx.viewer);
  await inTransaction(ctx, async (tx) => {
    const agency = isUuid(id) ? await tx.em.findOne(Agency, { id }) : null;
    if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' });
    if (agency.active === active) return;
    agency.active = active;
    writeAudit(tx, active ? 'agency.activate' : 'agency.deactivate', 'Agency', agency.id);
    await tx.em.flush();
  });
  return toAgency((await findAgencyRow(ctx, id))!);
}
