import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
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
  person_count: number;
}

const treeLock = (agencyId: string) => `org-tree:${agencyId}`;

/**
 * The whole tree of one agency in one statement (tens to a few hundred units), flattened depth-first
 * with siblings by name, so a client can render it indented as it comes.
 */
export async function listOrgUnits(em: EntityManager, viewer: Viewer, agencyId: string): Promise<OrgUnitNode[]> {
  await assertAdministersAgency(em, viewer, agencyId);
  const rows = await em.execute<UnitRow[]>(
    `select u.id, u.agency_id, u.parent_id, u.name, u.path, coalesce(pc.n, 0)::int as person_count
       from org_unit u
       left join (select p.org_unit_id, count(*) as n
                    from person p join org_unit pu on pu.id = p.org_unit_id
                   where pu.agency_id = ? group by p.org_unit_id) pc on pc.org_unit_id = u.id
      where u.agency_id = ?`,
    [agencyId, agencyId],
  );
  return flattenTree(rows);
}

const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

function flattenTree(rows: UnitRow[]): OrgUnitNode[] {
  const children = new Map<string | null, UnitRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const key = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  const out: OrgUnitNode[] = [];
  // Returns the subtree's person count; pushes nodes in pre-order.
  const visit = (row: UnitRow, depth: number): number => {
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
async function loadUnit(em: EntityManager, id: string): Promise<OrgUnitNode> {
  const [row] = await em.execute<(UnitRow & { subtree_count: number; child_count: number })[]>(
    `select u.id, u.agency_id, u.parent_id, u.name, u.path,
            (select count(*) from person p where p.org_unit_id = u.id)::int as person_count,
            (select count(*) from person p join org_unit d on d.id = p.org_unit_id
              where d.agency_id = u.agency_id and (d.id = u.id or d.path like u.path || '/%'))::int as subtree_count,
            (select count(*) from org_unit c where c.parent_id = u.id)::int as child_count
       from org_unit u where u.id = ?`,
    [id],
  );
  return {
    id: row.id, agencyId: row.agency_id, parentId: row.parent_id, name: row.name, path: row.path,
    depth: row.path.split('/').length - 1, personCount: row.person_count, subtreePersonCount: row.subtree_count, childCount: row.child_count,
  };
}

/** A unit the viewer may change: unknown, or of an agency they don't administer, is NOT_FOUND. */
async function findManagedUnit(em: EntityManager, viewer: Viewer, id: string): Promise<UnitRow> {
  const [row] = isUuid(id)
    ? await em.execute<UnitRow[]>(`select id, agency_id, parent_id, name, path, 0 as person_count from org_unit where id = ?`, [id])
    : [];
  if (!row || !viewer.administersAgency(row.agency_id)) throw new AppError('NOT_FOUND', { what: 'orgUnit' });
  return row;
}

/** The parent must be a unit of the same agency; anything else is INVALID_ORG_UNIT. */
async function findParent(tx: EntityManager, agencyId: string, parentId: string): Promise<UnitRow> {
  const [row] = isUuid(parentId)
    ? await tx.execute<UnitRow[]>(`select id, agency_id, parent_id, name, path, 0 as person_count from org_unit where id = ?`, [parentId])
    : [];
  if (!row || row.agency_id !== agencyId) throw new AppError('INVALID_ORG_UNIT', {}, 'parentId');
  return row;
}

export async function createOrgUnit(em: EntityManager, viewer: Viewer, input: CreateOrgUnitInput): Promise<OrgUnitNode> {
  await assertAdministersAgency(em, viewer, input.agencyId);
  const name = input.name.trim();
  const id = await em.transactional(async (tx) => {
    await lockScope(tx, treeLock(input.agencyId));
    const parentRow = input.parentId ? await findParent(tx, input.agencyId, input.parentId) : null;
    const unit = new OrgUnit(tx.getReference(Agency, input.agencyId), name, null);
    // The parent is only referenced (never loaded), so its path comes from the row read under the lock.
    if (parentRow) {
      unit.parent = tx.getReference(OrgUnit, parentRow.id);
      unit.path = `${parentRow.path}/${unit.id}`;
    }
    tx.persist(unit);
    writeAudit(tx, viewer, 'orgUnit.create', 'OrgUnit', unit.id, { agencyId: input.agencyId, name, parentId: parentRow?.id ?? null });
    await tx.flush();
    return unit.id;
  });
  return loadUnit(em, id);
}

export async function renameOrgUnit(em: EntityManager, viewer: Viewer, id: string, rawName: string): Promise<OrgUnitNode> {
  const unit = await findManagedUnit(em, viewer, id);
  const name = rawName.trim();
  if (name !== unit.name) {
    await em.transactional(async (tx) => {
      await tx.execute(`update org_unit set name = ?, updated_at = now() where id = ?`, [name, id]);
      writeAudit(tx, viewer, 'orgUnit.rename', 'OrgUnit', id, { from: unit.name, to: name });
      await tx.flush();
    });
  }
  return loadUnit(em, id);
}

/**
 * Re-parents a unit. The unit and its whole subtree get their materialized path rewritten in one
 * UPDATE; the tree lock keeps a concurrent move from building a cycle out of two valid moves.
 */
export async function moveOrgUnit(em: EntityManager, viewer: Viewer, id: string, parentId: string | null): Promise<OrgUnitNode> {
  const found = await findManagedUnit(em, viewer, id);
  await em.transactional(async (tx) => {
    await lockScope(tx, treeLock(found.agency_id));
    // Re-read under the lock: another move may have changed the path since.
    const [unit] = await tx.execute<UnitRow[]>(`select id, agency_id, parent_id, name, path from org_unit where id = ?`, [id]);
    if (!unit) throw new AppError('NOT_FOUND', { what: 'orgUnit' });
    const parent = parentId ? await findParent(tx, unit.agency_id, parentId) : null;
    if (parent && (parent.id === unit.id || parent.path.startsWith(`${unit.path}/`))) {
      throw new AppError('INVALID_ORG_UNIT', {}, 'parentId');
    }
    if ((parent?.id ?? null) === unit.parent_id) return;
    const newPath = parent ? `${parent.path}/${unit.id}` : unit.id;
    await tx.execute(
      `update org_unit
          set path = ? || substr(path, ?),
              parent_id = case when id = ? then ?::uuid else parent_id end,
              updated_at = case when id = ? then now() else updated_at end
        where agency_id = ? and (id = ? or path like ?)`,
      [newPath, unit.path.length + 1, unit.id, parent?.id ?? null, unit.id, unit.agency_id, unit.id, `${unit.path}/%`],
    );
    writeAudit(tx, viewer, 'orgUnit.move', 'OrgUnit', unit.id, { fromParentId: unit.parent_id, toParentId: parent?.id ?? null });
    await tx.flush();
  });
  return loadUnit(em, id);
}

/** Only an empty unit goes: no sub-units, nobody placed in it (active or not). */
export async function deleteOrgUnit(em: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
  const unit = await findManagedUnit(em, viewer, id);
  try {
    await em.transactional(async (tx) => {
      await lockScope(tx, treeLock(unit.agency_id));
      const [usage] = await tx.execute<{ children: boolean; people: boolean }[]>(
        `select exists (select 1 from org_unit c where c.parent_id = ?) as children,
                exists (select 1 from person p where p.org_unit_id = ?) as people`,
        [id, id],
      );
      if (usage.children || usage.people) throw new AppError('ORG_UNIT_NOT_EMPTY');
      await tx.execute(`delete from org_unit where id = ?`, [id]);
      writeAudit(tx, viewer, 'orgUnit.delete', 'OrgUnit', id, { name: unit.name, agencyId: unit.agency_id, parentId: unit.parent_id });
      await tx.flush();
    });
  } catch (error) {
    // Someone was placed in the unit after the check: the restrict foreign key refuses the delete.
    if (isForeignKeyViolation(error)) throw new AppError('ORG_UNIT_NOT_EMPTY');
    throw error;
  }
  return true;
}
