import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/auth/viewer.js';

/** The transaction certificates were issued or changed in; `viewer` is null when a job did it (a workshop's settlement). */
export interface CertificateTransaction {
  em: EntityManager;
  viewer: Viewer | null;
}

/** Called in the issuing transaction with the new certificates' ids, after their rows are written. */
export type CertificatesHook = (tx: CertificateTransaction, certificateIds: string[]) => Promise<void>;

const issued: CertificatesHook[] = [];
const statusChanged: CertificatesHook[] = [];

/**
 * What follows an issuance inside its transaction — the PDF's render job is enqueued, the Open Badges credential is
 * signed — registered by those parts of the module when it loads, so issuance reads as one step and each part stays
 * in its own files.
 */
export function onCertificatesIssued(hook: CertificatesHook): void {
  if (!issued.includes(hook)) issued.push(hook);
}

/** What follows a revocation or a supersession (the status list a verifier reads is updated). */
export function onCertificatesStatusChanged(hook: CertificatesHook): void {
  if (!statusChanged.includes(hook)) statusChanged.push(hook);
}

export async function certificatesIssued(tx: CertificateTransaction, ids: string[]): Promise<void> {
  if (!ids.length) return;
  for (const hook of issued) await hook(tx, ids);
}

export async function certificatesStatusChanged(tx: CertificateTransaction, ids: string[]): Promise<void> {
  if (!ids.length) return;
  for (const hook of statusChanged) await hook(tx, ids);
}
