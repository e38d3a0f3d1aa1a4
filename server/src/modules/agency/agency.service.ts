import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import { Agency, AgencyKind } from './agency.entity.js';
import type { AgenciesArgs, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs.js';
import { canManageAgencies, canSeeAgency } from './agency.policy.js';
import type { AgencyNode } from './agency.types.js';
import { writeAudit } from '../audit/index.js';
import { rejectNulls } from '../../shared/errors.js';
import { decodeNameIdCursor } from '../../shared/graphql/pagination.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { isUuid } from '../../shared/util/ids.js';

interface AgencyRow {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  time_zone: string;
  active: boolean;
}

const AGENCY_COLUMNS = `a.id, a.code, a.name, a.kind, a.time_zone, a.active`;

function toAgency(row: AgencyRow): AgencyNode {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, timeZone: row.time_zone, active: row.active };
}

/** Two statements whatever the page size: the count and the page. */
export async function listAgencies(em: EntityManager, viewer: Viewer, args: AgenciesArgs): Promise<Page<AgencyNode>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!viewer.isPlatformAdmin) where.push('a.active');
  else if (args.active != null) {
    where.push('a.active = ?');
    params.push(args.active);
  }
  const search = args.search?.trim();
  if (search) {
    where.push(`(a.name ilike ? or a.code ilike ?)`);
    params.push(`%${escapeLike(search)}%`, `${escapeLike(search)}%`);
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from agency a ${filter}`, params);

  const cursor = decodeNameIdCursor(args.after);
  const pageWhere = [...where];
  const pageParams = [...params];
  if (cursor) {
    pageWhere.push('(a.name, a.id) > (?, ?)');
    pageParams.push(...cursor);
  }
  const rows = await em.execute<AgencyRow[]>(
    `select ${AGENCY_COLUMNS} from agency a ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''}
      order by a.name, a.id limit ?`,
    [...pageParams, args.first + 1],
  );
  return toPage(rows, args.first, n, toAgency, (r) => [r.name, r.id]);
}

async function findAgencyRow(em: EntityManager, id: string): Promise<AgencyRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<AgencyRow[]>(`select ${AGENCY_COLUMNS} from agency a where a.id = ?`, [id]);
  return row ?? null;
}

export async function getAgency(em: EntityManager, viewer: Viewer, id: string): Promise<AgencyNode> {
  const row = await findAgencyRow(em, id);
  if (!row || !canSeeAgency(viewer, row)) throw new AppError('NOT_FOUND', { what: 'agency' });
  return toAgency(row);
}

function assertPlatformAdmin(viewer: Viewer): void {
  if (!canManageAgencies(viewer)) throw new AppError('FORBIDDEN');
}

/** The code is unique: checked first for a clear answer, and the constraint catches a race. */
async function assertCodeFree(em: EntityManager, code: string, exceptId: string | null): Promise<void> {
  const [taken] = await em.execute(`select 1 from agency where code = ? and id is distinct from ?`, [code, exceptId]);
  if (taken) throw new AppError('DUPLICATE_CODE', {}, 'code');
}

function mapWriteError(error: unknown): unknown {
  return isUniqueViolation(error, 'agency_code_unique') ? new AppError('DUPLICATE_CODE', {}, 'code') : error;
}

export async function createAgency(em: EntityManager, viewer: Viewer, input: CreateAgencyInput): Promise<AgencyNode> {
  assertPlatformAdmin(viewer);
  const code = input.code.toUpperCase();
  const name = input.name.trim();
  try {
    const id = await em.transactional(async (tx) => {
      await assertCodeFree(tx, code, null);
      const agency = new Agency(code, name, input.kind);
      agency.timeZone = input.timeZone;
      tx.persist(agency);
      writeAudit(tx, viewer, 'agency.create', 'Agency', agency.id, { code, name, kind: input.kind, timeZone: input.timeZone });
      await tx.flush();
      return agency.id;
    });
    return toAgency((await findAgencyRow(em, id))!);
  } catch (error) {
    throw mapWriteError(error);
  }
}

export async function updateAgency(em: EntityManager, viewer: Viewer, id: string, input: UpdateAgencyInput): Promise<AgencyNode> {
  assertPlatformAdmin(viewer);
  rejectNulls(input, ['code', 'name', 'kind', 'timeZone']);
  try {
    await em.transactional(async (tx) => {
      const agency = isUuid(id) ? await tx.findOne(Agency, { id }) : null;
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
      if (Object.keys(changes).length) writeAudit(tx, viewer, 'agency.update', 'Agency', agency.id, changes);
      await tx.flush();
    });
  } catch (error) {
    throw mapWriteError(error);
  }
  return toAgency((await findAgencyRow(em, id))!);
}

export async function setAgencyActive(em: EntityManager, viewer: Viewer, id: string, active: boolean): Promise<AgencyNode> {
  assertPlatformAdmin(viewer);
  await em.transactional(async (tx) => {
    const agency = isUuid(id) ? await tx.findOne(Agency, { id }) : null;
    if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' });
    if (agency.active === active) return;
    agency.active = active;
    writeAudit(tx, viewer, active ? 'agency.activate' : 'agency.deactivate', 'Agency', agency.id);
    await tx.flush();
  });
  return toAgency((await findAgencyRow(em, id))!);
}
