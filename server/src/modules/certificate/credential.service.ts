import { createHash } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { enqueueJobs, hasJobQueue, type JobDefinition } from '../../shared/jobs/queue.js';
import type { CertificateTransaction } from './certificate.hooks.js';
import { CREDENTIALS_V2, OPEN_BADGES_V3, offlineDocumentLoader } from './credential.contexts.js';
import { activeKey, issuerBase, issuerUrl, signingKeyPair, type IssuerKeyRow } from './issuer-key.service.js';
import { allocateStatusSlots, setStatusBits, statusListCredential, statusListUrl } from './status-list.service.js';

type Tx = Pick<CertificateTransaction, 'em'>;

const SIGN_QUEUE = 'certificates.sign-credentials';
/** Credentials per job: ~0.1 s each to canonicalise and sign, so a job stays a few seconds long. */
const SIGN_BATCH = 25;

/**
 * The hook run in the issuing transaction: each new certificate gets its credential row and its index in the
 * agency's status list now (so revoking it at once is already published), and a job signs it. Signing costs about
 * 0.1 s per credential (measured; RDF canonicalisation), so a cohort of 500 would hold its completion open for a
 * minute: the job does it, and a download before the job gets there signs on the spot (`signCredentials`).
 */
export async function prepareCredentials(tx: CertificateTransaction, certificateIds: string[]): Promise<void> {
  const d = db(tx);
  const rows = await d.selectFrom('certificate').select(['id', 'issuing_agency_id'])
    .where('id', '=', sql<string>`any(${certificateIds}::uuid[])`).orderBy('issuing_agency_id').orderBy('serial_number').execute();
  const values = [];
  for (const agencyId of [...new Set(rows.map((r) => r.issuing_agency_id))]) {
    const mine = rows.filter((r) => r.issuing_agency_id === agencyId);
    const slots = await allocateStatusSlots(tx, agencyId, mine.length);
    values.push(...mine.map((r, i) => ({ certificate_id: r.id, status_list_id: slots[i].listId, status_index: slots[i].index })));
  }
  if (!values.length) return;
  await d.insertInto('certificate_credential').values(values).execute();
  // Demo seeding issues before the queue starts: those wait for the sweep (or a download) instead.
  if (!queueStarted(tx)) return;
  const batches = [];
  for (let i = 0; i < values.length; i += SIGN_BATCH) batches.push({ certificateIds: values.slice(i, i + SIGN_BATCH).map((v) => v.certificate_id) });
  await enqueueJobs(tx.em, SIGN_QUEUE, batches);
}

/** The hook run when certificates are revoked or superseded: their status bits are set in the same transaction. */
export async function publishStatusChange(tx: CertificateTransaction, certificateIds: string[]): Promise<void> {
  await setStatusBits(tx, certificateIds);
}

/** The salted hash the recipient is identified by (OB 3.0 IdentityObject): proves a NIP shown to the verifier, hides it. */
function recipientIdentity(nip: string, salt: string) {
  return { type: 'IdentityObject', hashed: true, identityType: 'identifier', salt, identityHash: `sha256$${createHash('sha256').update(nip + salt).digest('hex')}` };
}

interface CertificateRow {
  id: string; verification_code: string; recipient_name: string; recipient_nip: string | null; title: string; form: string | null;
  jp: string; competencies: string[]; completed_at: Date; issued_at: Date; agency_name: string; agency_code: string; partner_name: string | null;
  serial: string; status_list_id: string; status_index: number;
}

const isoSeconds = (d: Date | string) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The unsigned OpenBadgeCredential (VC Data Model 2.0) of a certificate. */
function buildCredential(config: AppConfig, c: CertificateRow) {
  const base = issuerBase(config);
  const listUrl = statusListUrl(config, c.status_list_id);
  const jp = Number(c.jp);
  const criteria = `Menyelesaikan ${c.title}${c.form ? ` (${c.form})` : ''} dengan ${jp} JP.`;
  return {
    '@context': [CREDENTIALS_V2, OPEN_BADGES_V3],
    id: `urn:uuid:${c.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: c.title,
    issuer: { id: issuerUrl(config, c.agency_code), type: ['Profile'], name: c.agency_name },
    validFrom: isoSeconds(c.issued_at),
    credentialSubject: {
      type: ['AchievementSubject'],
      // The salt is the verification code: whoever holds the certificate can show the NIP matches, nobody can read it.
      ...(c.recipient_nip ? { identifier: [recipientIdentity(c.recipient_nip, c.verification_code)] } : {}),
      achievement: {
        id: `${base}/verifikasi/${c.verification_code}#achievement`,
        type: ['Achievement'],
        name: c.title,
        description: `${c.title} — ${c.agency_name}${c.partner_name ? ` & ${c.partner_name}` : ''}, ${c.serial}`,
        criteria: { narrative: criteria },
        creditsAvailable: jp,
        ...(c.competencies.length ? {
          alignment: c.competencies.map((name) => ({ type: ['Alignment'], targetName: name, targetUrl: `${base}/kompetensi/${encodeURIComponent(name)}` })),
        } : {}),
      },
      creditsEarned: jp,
      activityEndDate: isoSeconds(c.completed_at),
    },
    credentialStatus: {
      id: `${listUrl}#${c.status_index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(c.status_index),
      statusListCredential: listUrl,
    },
  };
}

/** Signs a document with an agency's key (eddsa-rdfc-2022 Data Integrity proof, purpose assertionMethod). */
export async function signDocument(config: AppConfig, agencyCode: string, key: IssuerKeyRow, document: Record<string, unknown>) {
  const pair = await signingKeyPair(config, agencyCode, key);
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential: document, suite, documentLoader: offlineDocumentLoader() });
}

/**
 * Signs the credentials of these certificates that are not signed yet, in one transaction: their rows are locked
 * (a job and a download signing the same one wait for each other, and the second finds it signed), each agency's
 * active key signs.
 */
async function signCredentials(ctx: Tx & { config: AppConfig }, certificateIds: string[]): Promise<void> {
  if (!certificateIds.length) return;
  await inTransaction(ctx, async (tx) => {
    const d = db(tx);
    const locked = await d.selectFrom('certificate_credential').select('certificate_id')
      .where('certificate_id', '=', sql<string>`any(${certificateIds}::uuid[])`).where('document', 'is', null)
      .orderBy('certificate_id').forUpdate().execute();
    if (!locked.length) return;
    const rows = await d.selectFrom('certificate as c').innerJoin('agency as a', 'a.id', 'c.issuing_agency_id')
      .innerJoin('certificate_credential as cc', 'cc.certificate_id', 'c.id')
      .select(['c.id', 'c.verification_code', 'c.recipient_name', 'c.recipient_nip', 'c.title', 'c.form', 'c.jp', 'c.competencies', 'c.completed_at',
        'c.issued_at', 'c.agency_name', 'a.code as agency_code', 'c.partner_name', 'c.serial', 'c.issuing_agency_id', 'cc.status_list_id', 'cc.status_index'])
      .where('c.id', '=', sql<string>`any(${locked.map((l) => l.certificate_id)}::uuid[])`).execute();
    const keys = new Map<string, IssuerKeyRow>();
    for (const row of rows) {
      let key = keys.get(row.issuing_agency_id);
      if (!key) keys.set(row.issuing_agency_id, key = await activeKey(tx, ctx.config, row.issuing_agency_id));
      const signed = await signDocument(ctx.config, row.agency_code, key, buildCredential(ctx.config, { ...row, jp: String(row.jp) }));
      await d.updateTable('certificate_credential')
        .set({ document: JSON.stringify(signed, null, 2), key_id: key.id, signed_at: sql<Date>`now()` })
        .where('certificate_id', '=', row.id).execute();
    }
  });
}

function queueStarted(tx: Tx): boolean {
  return hasJobQueue(tx.em);
}

/**
 * Signs the batch it was given; run by its schedule (no batch), it sweeps up to a few hundred credentials still
 * unsigned (issued while no queue ran, as demo seeding does, or whose job became a dead letter).
 */
export function signCredentialsJob(deps: { orm: MikroORM; config: AppConfig }): JobDefinition<{ certificateIds?: string[] }> {
  return {
    name: SIGN_QUEUE,
    schedule: '*/10 * * * *',
    async run(data) {
      const ctx = { em: deps.orm.em.fork(), config: deps.config };
      // A scheduled run has no data.
      const given = (data as { certificateIds?: string[] } | null)?.certificateIds;
      const ids = given ?? (await db(ctx).selectFrom('certificate_credential').select('certificate_id')
        .where('document', 'is', null).orderBy('certificate_id').limit(SIGN_BATCH * 10).execute()).map((r) => r.certificate_id);
      for (let i = 0; i < ids.length; i += SIGN_BATCH) await signCredentials(ctx, ids.slice(i, i + SIGN_BATCH));
    },
  };
}

/** A certificate's signed credential, JSON text (signed now if its job has not run yet); null when it has none. */
export async function signedCredential(ctx: Tx & { config: AppConfig }, certificateId: string): Promise<string | null> {
  const read = () => db(ctx).selectFrom('certificate_credential').select('document').where('certificate_id', '=', certificateId).executeTakeFirst();
  const row = await read();
  if (!row) return null;
  if (row.document) return row.document;
  await signCredentials(ctx, [certificateId]);
  return (await read())?.document ?? null;
}

/** Signed status list credentials by list and version: a public, often polled document signed once per change. */
const signedLists = new Map<string, Record<string, unknown>>();

/** The signed BitstringStatusListCredential of a list, or null for an unknown id. */
export async function signedStatusList(ctx: Tx & { config: AppConfig }, listId: string): Promise<Record<string, unknown> | null> {
  const list = await db(ctx).selectFrom('credential_status_list as l').innerJoin('agency as a', 'a.id', 'l.agency_id')
    .select(['l.id', 'l.bits', 'l.updated_at', 'l.agency_id', 'a.code']).where('l.id', '=', listId).executeTakeFirst();
  if (!list) return null;
  const version = `${list.id}@${new Date(list.updated_at).toISOString()}`;
  const cached = signedLists.get(version);
  if (cached) return cached;
  const key = await inTransaction(ctx, (tx) => activeKey(tx, ctx.config, list.agency_id));
  const signed = await signDocument(ctx.config, list.code, key, statusListCredential(ctx.config, list, issuerUrl(ctx.config, list.code)));
  if (signedLists.size > 500) signedLists.clear();
  signedLists.set(version, signed);
  return signed;
}
