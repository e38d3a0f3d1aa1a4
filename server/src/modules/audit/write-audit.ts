import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AuditEntry } from './audit.entity.js';
import { Person } from '../person/index.js';

/**
 * Adds an AuditEntry, by the context's viewer, to the context's EntityManager: pass the transaction's
 * context (`inTransaction(ctx, async (tx) => … writeAudit(tx, …))`, or `{ em: tx, viewer }` inside
 * `em.transactional`) and the entry is written (or rolled back) with the change itself, at its flush.
 */
export function writeAudit(
  tx: { em: EntityManager; viewer: Pick<Viewer, 'personId'> },
  action: string, targetType: string, targetId: string, data: Record<string, unknown> | null = null,
): void {
  tx.em.persist(new AuditEntry(tx.em.getReference(Person, tx.viewer.personId), action, targetType, targetId, data));
}
