import { sql } from 'kysely';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { Agency, OrgUnit } from './agency.entity.js';
import type { CreateOrgUnitInput } from './agency.inputs.js';
import { assertAdministersAgency } from './agency.policy.js';
import type { OrgUnitNode } from './agency.types.js';
import { writeAudit } from '../audit/index.js';
import { isForeignKeyViolation, lockScope } from '../../shared/db/sql-helpers.js';
import { isUuid } from '../../shared/util/ids.js';

interface UnitRow {
  id: string;
  agency_id: string;
  parent_id: string | null;
  name: string;
  path: string;
}

const UNIT_COLUMNS = ['u.id', 'u.agency_id', 'u.parent_id', 'u.name', 'u.path'] as const;

const treeLock = (agencyId: string) => `org-tree:${agencyId}`;

/**
 * The whole tree of one agency in one statement (tens to a few hundred units), flattened depth-first
 * with siblings by name, so a client can render it indented as it comes.
 */
export async function listOrgUnits(ctx: SignedInOperationContext, agencyId: string): Promise<OrgUnitNode[]> {
  await assertAdministersAgency(ctx, agencyId);
  const rows = await db(ctx).selectFrom('org_unit as u')
    .leftJoin(
      (eb) => eb.selectFrom('person as p').innerJoin('org_unit as pu', 'pu.id', 'p.org_unit_id')
        .select(['p.org_unit_id', (e) => e.fn.countAll().as('n')])
        .where('pu.agency_id', '=', agencyId)
        .groupBy('p.org_unit_id')
        .as('pc'),
      (join) => join.onRef('pc.org_unit_id', '=', 'u.id'),
    )
    .select([...UNIT_COLUMNS, sql<number>`coalesce(pc.n, 0)::int`.as('person_count')])
    .where('u.agency_id', '=', agencyId)
    .execute();
  return flattenTree(rows);
}

type CountedUnitRow = UnitRow & { person_count: number };

const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

function flattenTree(rows: CountedUnitRow[]): OrgUnitNode[] {
  const children = new Map<string | null, CountedUnitRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const key = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  const out: OrgUnitNode[] = [];
  // Returns the subtree's person count; pushes nodes in pre-order.
  const visit = (row: CountedUnitRow, depth: number): number => {
    const node: OrgUnitNode = {
      id: row.id, agencyId: row.agency_id, parentId: row.parent_id, name: row.name, path: row.path, depth,
      personCount: row.person_count, subtreePersonCount: row.person_count, childCount: 0,
    };
    out.push(node);
    const kids = (children.get(row.id) ?? []).sort(byName);
    node.childCount = kids.length;
    for (const kid of kids) node.subtreePersonCount += visit(kid, depth + 1);
    return node.subtreePersonCount;
  };
  for (const root of (children.get(null) ?? []).sort(byName)) visit(root, 0);
  return out;
}

/** One unit with its counts, as the tree shows it. */
async function loadUnit(ctx: OperationContext, id: string): Promise<OrgUnitNode> {
  const row = await db(ctx).selectFrom('org_unit as u')
    .select([
      ...UNIT_COLUMNS,
      sql<number>`(select count(*) from person p where p.org_unit_id = u.id)::int`.as('person_count'),
      sql<number>`(select count(*) from person p join org_unit d on d.id = p.org_unit_id
                    where d.agency_id = u.agency_id and (d.id = u.id or d.path like u.path || '/%'))::int`.as('subtree_count'),
      sql<number>`(select count(*) from org_unit c where c.parent_id = u.id)::int`.as('child_count'),
    ])
    .where('u.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id, agencyId: row.agency_id, parentId: row.parent_id, name: row.name, path: row.path,
    depth: row.path.split('/').length - 1, personCount: row.person_count, subtreePersonCount: row.subtree_count, childCount: row.child_count,
  };
}

/** A unit the viewer may change: unknown, or of an agency they don't administer, is NOT_FOUND. */
async function findManagedUnit(ctx: SignedInOperationContext, id: string): Promise<UnitRow> {
  const row = isUuid(id) ? await findUnitRow(ctx, id) : undefined;
  if (!row || !ctx.viewer.administersAgency(row.agency_id)) throw new AppError('NOT_FOUND', { what: 'orgUnit' });
  return row;
}

function findUnitRow(ctx: OperationContext, id: string): Promise<UnitRow | undefined> {
  return db(ctx).selectFrom('org_unit as u').select(UNIT_COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

/** The parent must be a unit of the same agency; anything else is INVALID_ORG_UNIT. */
async function findParent(tx: OperationContext, agencyId: string, parentId: string): Promise<UnitRow> {
  const row = isUuid(parentId) ? await findUnitRow(tx, parentId) : undefined;
  if (!row || row.agency_id !== agencyId) throw new AppError('INVALID_ORG_UNIT', {}, 'parentId');
  return row;
}

export async function createOrgUnit(ctx: SignedInOperationContext, input: CreateOrgUnitInput): Promise<OrgUnitNode> {
  await assertAdministersAgency(ctx, input.agencyId);
  const name = input.name.trim();
  const id = await inTransaction(ctx, async (tx) => {
    await lockScope(tx, treeLock(input.agencyId));
    const parentRow = input.parentId ? await findParent(tx, input.agencyId, input.parentId) : null;
    const unit = new OrgUnit(tx.em.getReference(Agency, input.agencyId), name, null);
    // The parent is only referenced (never loaded), so its path comes from the row read under the lock.
    if (parentRow) {
      unit.parent = tx.em.getReference(OrgUnit, parentRow.id);
      unit.path = `${parentRow.path}/${unit.id}`;
    }
    tx.em.persist(unit);
    writeAudit(tx, 'orgUnit.create', 'OrgUnit', unit.id, { agencyId: input.agencyId, name, parentId: parentRow?.id ?? null });
    await tx.em.flush();
    return unit.id;
  });
  return loadUnit(ctx, id);
}

export async function renameOrgUnit(ctx: SignedInOperationContext, id: string, rawName: string): Promise<OrgUnitNode> {
  const unit = await findManagedUnit(ctx, id);
  const name = rawName.trim();
  if (name !== unit.name) {
    await inTransaction(ctx, async (tx) => {
      await db(tx).updateTable('org_unit').set({ name, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
      writeAudit(tx, 'orgUnit.rename', 'OrgUnit', id, { from: unit.name, to: name });
      await tx.em.flush();
    });
  }
  return loadUnit(ctx, id);
}

/**
 * Re-parents a unit. The unit and its whole subtree get their materialized path rewritten in one
 * UPDATE; the tree lock keeps a concurrent move from building a cycle out of two valid moves.
 */
export async function moveOrgUnit(ctx: SignedInOperationContext, id: string, parentId: string | null): Promise<OrgUnitNode> {
  const found = await findManagedUnit(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await lockScope(tx, treeLock(found.agency_id));
    // Re-read under the lock: another move may have changed the path since.
    const unit = await findUnitRow(tx, id);
    if (!unit) throw new AppError('NOT_FOUND', { what: 'orgUnit' });
    const parent = parentId ? await findParent(tx, unit.agency_id, parentId) : null;
    if (parent && (parent.id === unit.id || parent.path.startsWith(`${unit.path}/`))) {
      throw new AppError('INVALID_ORG_UNIT', {}, 'parentId');
    }
    if ((parent?.id ?? null) === unit.parent_id) return;
    const newPath = parent ? `${parent.path}/${unit.id}` : unit.id;
    await db(tx).updateTable('org_unit')
      .set({
        path: sql<string>`${newPath} || substr(path, ${unit.path.length + 1})`,
        parent_id: sql<string | null>`case when id = ${unit.id} then ${parent?.id ?? null}::uuid else parent_id end`,
        updated_at: sql<Date>`case when id = ${unit.id} then now() else updated_at end`,
      })
      .where('agency_id', '=', unit.agency_id)
      .where((eb) => eb.or([eb('id', '=', unit.id), eb('path', 'like', `${unit.path}/%`)]))
      .execute();
    writeAudit(tx, 'orgUnit.move', 'OrgUnit', unit.id, { fromParentId: unit.parent_id, toParentId: parent?.id ?? null });
    await tx.em.flush();
  });
  return loadUnit(ctx, id);
}

/** Only an empty unit goes: no sub-units, nobody placed in it (active or not). */
export async function deleteOrgUnit(ctx: SignedInOperationContext, id: string): Promise<boolean> {
  const unit = await findManagedUnit(ctx, id);
  try {
    await inTransaction(ctx, async (tx) => {
      await lockScope(tx, treeLock(unit.agency_id));
      const usage = await db(tx).selectNoFrom((eb) => [
        eb.exists(eb.selectFrom('org_unit as c').select(eb.lit(1).as('one')).where('c.parent_id', '=', id)).as('children'),
        eb.exists(eb.selectFrom('person as p').select(eb.lit(1).as('one')).where('p.org_unit_id', '=', id)).as('people'),
      ]).executeTakeFirstOrThrow();
      if (usage.children || usage.people) throw new AppError('ORG_UNIT_NOT_EMPTY');
      await db(tx).deleteFrom('org_unit').where('id', '=', id).execute();
      writeAudit(tx, 'orgUnit.delete', 'OrgUnit', id, { name: unit.name, agencyId: unit.agency_id, parentId: unit.parent_id });
      await tx.em.flush();
    });
  } catch (error) {
    // Someone was placed in the unit after the check: the restrict foreign key refuses the delete.
    if (isForeignKeyViolation(error)) throw new AppError('ORG_UNIT_NOT_EMPTY');
    throw error;
  }
  return true;
}
