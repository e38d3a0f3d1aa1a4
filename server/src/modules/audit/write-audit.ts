import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AuditEntry } from './audit.entity.js';
import { Person } from '../person/index.js';

/** Adds an AuditEntry to the transaction `tx`; it is written (or rolled back) with the change itself. */
export function writeAudit(tx: EntityManager, viewer: Viewer, action: string, targetType: string, targetId: string, data: Record<string, unknown> | null = null): void {
  tx.persist(new AuditEntry(tx.getReference(Person, viewer.personId), action, targetType, targetId, data));
}
