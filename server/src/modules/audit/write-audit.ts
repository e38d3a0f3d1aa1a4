import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AuditEntry } from './audit.entity.js';
import { Person } from '../person/index.js';

/**
 * Adds an AuditEntry, by the context's viewer, to the context's EntityManager: pass the transaction's
 * context (`inTransaction(ctx, async (tx) => … writeAudit(tx, …))`) and the entry is written (or rolled
 * back) with the change itself, at its flush.
 */
export function writeAudit(tx: SignedInOperationContext, action: string, targetType: string, targetId: string, data?: Record<string, unknown> | null): void;
/** @deprecated `(tx, viewer, …)`: kept while course, enrolment and learning-hours still call it; pass the context instead. */
export function writeAudit(tx: EntityManager, viewer: Viewer, action: string, targetType: string, targetId: string, data?: Record<string, unknown> | null): void;
export function writeAudit(...args: unknown[]): void {
  const [em, viewer, rest] = typeof args[1] === 'string'
    ? [(args[0] as SignedInOperationContext).em, (args[0] as SignedInOperationContext).viewer, args.slice(1)]
    : [args[0] as EntityManager, args[1] as Viewer, args.slice(2)];
  const [action, targetType, targetId, data = null] = rest as [string, string, string, Record<string, unknown> | null | undefined];
  em.persist(new AuditEntry(em.getReference(Person, viewer.personId), action, targetType, targetId, data));
}
