import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
// Leaf helpers, imported by file: the agency index imports this module's resolvers.
import { writeAudit } from '../audit/index.js';
import { rejectNulls } from '../../shared/errors.js';
import { decodeNameIdCursor } from '../../shared/graphql/pagination.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { isUuid } from '../../shared/util/ids.js';
import { PartnerInstitution, type PartnerKind } from './partner.entity.js';
import type { CreatePartnerInstitutionInput, PartnerInstitutionsArgs, UpdatePartnerInstitutionInput } from './partner.inputs.js';
import type { PartnerNode } from './partner.types.js';

interface PartnerRow {
  id: string;
  code: string;
  name: string;
  kind: PartnerKind;
  city: string | null;
}

const toPartner = (r: PartnerRow): PartnerNode => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, city: r.city });

/** Count and page: two statements whatever the page size. Partners are public to everyone signed in. */
export async function listPartners(em: EntityManager, args: PartnerInstitutionsArgs): Promise<Page<PartnerNode>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const search = args.search?.trim();
  if (search) {
    where.push(`(p.name ilike ? or p.code ilike ? or p.city ilike ?)`);
    params.push(`%${escapeLike(search)}%`, `${escapeLike(search)}%`, `${escapeLike(search)}%`);
  }
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from partner_institution p ${where.length ? `where ${where.join(' and ')}` : ''}`, params);
  const cursor = decodeNameIdCursor(args.after);
  if (cursor) {
    where.push('(p.name, p.id) > (?, ?)');
    params.push(...cursor);
  }
  const rows = await em.execute<PartnerRow[]>(
    `select p.id, p.code, p.name, p.kind, p.city from partner_institution p ${where.length ? `where ${where.join(' and ')}` : ''}
      order by p.name, p.id limit ?`,
    [...params, args.first + 1],
  );
  return toPage(rows, args.first, n, toPartner, (r) => [r.name, r.id]);
}

async function findPartnerRow(em: EntityManager, id: string): Promise<PartnerRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<PartnerRow[]>(`select id, code, name, kind, city from partner_institution where id = ?`, [id]);
  return row ?? null;
}

async function assertCodeFree(em: EntityManager, code: string, exceptId: string | null): Promise<void> {
  const [taken] = await em.execute(`select 1 from partner_institution where code = ? and id is distinct from ?`, [code, exceptId]);
  if (taken) throw new AppError('DUPLICATE_CODE', {}, 'code');
}

function mapWriteError(error: unknown): unknown {
  return isUniqueViolation(error, 'partner_institution_code_unique') ? new AppError('DUPLICATE_CODE', {}, 'code') : error;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export async function createPartner(em: EntityManager, viewer: Viewer, input: CreatePartnerInstitutionInput): Promise<PartnerNode> {
  if (!viewer.isPlatformAdmin) throw new AppError('FORBIDDEN');
  const code = input.code.toUpperCase();
  try {
    const id = await em.transactional(async (tx) => {
      await assertCodeFree(tx, code, null);
      const partner = new PartnerInstitution(code, input.name.trim(), input.kind);
      partner.city = blankToNull(input.city);
      tx.persist(partner);
      writeAudit(tx, viewer, 'partner.create', 'PartnerInstitution', partner.id, { code, name: partner.name, kind: partner.kind, city: partner.city });
      await tx.flush();
      return partner.id;
    });
    return toPartner((await findPartnerRow(em, id))!);
  } catch (error) {
    throw mapWriteError(error);
  }
}

export async function updatePartner(em: EntityManager, viewer: Viewer, id: string, input: UpdatePartnerInstitutionInput): Promise<PartnerNode> {
  if (!viewer.isPlatformAdmin) throw new AppError('FORBIDDEN');
  rejectNulls(input, ['code', 'name', 'kind']);
  try {
    await em.transactional(async (tx) => {
      const partner = isUuid(id) ? await tx.findOne(PartnerInstitution, { id }) : null;
      if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' });
      const changes: Record<string, unknown> = {};
      if (input.code !== undefined && input.code.toUpperCase() !== partner.code) {
        const code = input.code.toUpperCase();
        await assertCodeFree(tx, code, partner.id);
        changes.code = partner.code = code;
      }
      if (input.name !== undefined && input.name.trim() !== partner.name) changes.name = partner.name = input.name.trim();
      if (input.kind != null && input.kind !== partner.kind) changes.kind = partner.kind = input.kind;
      if (input.city !== undefined && blankToNull(input.city) !== partner.city) changes.city = partner.city = blankToNull(input.city);
      if (Object.keys(changes).length) writeAudit(tx, viewer, 'partner.update', 'PartnerInstitution', partner.id, changes);
      await tx.flush();
    });
  } catch (error) {
    throw mapWriteError(error);
  }
  return toPartner((await findPartnerRow(em, id))!);
}
