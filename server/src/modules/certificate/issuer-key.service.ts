import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { sql } from 'kysely';
import type { AppConfig } from '../../shared/config/config.js';
import { db } from '../../shared/db/kysely.js';
import type { CertificateTransaction } from './certificate.hooks.js';
import { MULTIKEY_V1 } from './credential.contexts.js';

type Tx = Pick<CertificateTransaction, 'em'> & { viewer?: { personId: string } | null };

/** Where our issuers live: LENTERA_PUBLIC_URL, else the development address. Fixed at signing, so verifiable later. */
export function issuerBase(config: AppConfig): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

export const issuerUrl = (config: AppConfig, agencyCode: string) => `${issuerBase(config)}/issuers/${encodeURIComponent(agencyCode)}`;
export const keyUrl = (config: AppConfig, agencyCode: string, keyId: string) => `${issuerUrl(config, agencyCode)}/keys/${keyId}`;

/** AES-256-GCM under LENTERA_CREDENTIAL_KEY: iv (12) ‖ tag (16) ‖ ciphertext. The key row's id is bound as AAD. */
function encryptSecretKey(config: AppConfig, keyId: string, secretKeyMultibase: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', config.credentialKeySecret, iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(secretKeyMultibase, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decryptSecretKey(config: AppConfig, keyId: string, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', config.credentialKeySecret, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}

export interface IssuerKeyRow {
  id: string;
  agency_id: string;
  public_key_multibase: string;
  secret_key_encrypted: Buffer;
  created_at: Date;
  retired_at: Date | null;
}

/** Generates a key pair and stores it as the agency's active key (the caller has retired the previous one). */
async function insertKey(tx: Tx, config: AppConfig, agencyId: string, createdBy: string | null): Promise<IssuerKeyRow | undefined> {
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true });
  const id = crypto.randomUUID();
  return db(tx).insertInto('credential_issuer_key').values({
    id, agency_id: agencyId, public_key_multibase: exported.publicKeyMultibase,
    secret_key_encrypted: encryptSecretKey(config, id, exported.secretKeyMultibase!), created_by_id: createdBy,
    created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
  }).onConflict((oc) => oc.column('agency_id').where('retired_at', 'is', null).doNothing())
    .returning(['id', 'agency_id', 'public_key_multibase', 'secret_key_encrypted', 'created_at', 'retired_at']).executeTakeFirst();
}

/** The agency's active key, made on first use (two first uses at once: one insert wins, the other reads it). */
export async function activeKey(tx: Tx, config: AppConfig, agencyId: string): Promise<IssuerKeyRow> {
  const read = () => db(tx).selectFrom('credential_issuer_key')
    .select(['id', 'agency_id', 'public_key_multibase', 'secret_key_encrypted', 'created_at', 'retired_at'])
    .where('agency_id', '=', agencyId).where('retired_at', 'is', null).executeTakeFirst();
  return (await read()) ?? (await insertKey(tx, config, agencyId, null)) ?? (await read())!;
}

/**
 * Rotation: the active key is retired (it stays published, and what it signed stays valid) and a new one takes its
 * place, with an audit row. The retired key's row is locked first, so two rotations at once make one new key each
 * in turn, never two active ones.
 */
export async function rotateKey(tx: Tx, config: AppConfig, agencyId: string): Promise<IssuerKeyRow> {
  const d = db(tx);
  const retired = await d.updateTable('credential_issuer_key').set({ retired_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('agency_id', '=', agencyId).where('retired_at', 'is', null).returning('id').executeTakeFirst();
  const actor = tx.viewer?.personId ?? null;
  const created = (await insertKey(tx, config, agencyId, actor))!;
  // As issuance writes its audit rows (the json column is typed loosely for Kysely).
  await d.insertInto('audit_entry').values([{ action: 'credential_key.rotate' }].map((row) => ({
    ...row, id: sql<string>`gen_random_uuid()`, actor_id: actor, target_type: 'Agency', target_id: agencyId,
    data: JSON.stringify({ retiredKeyId: retired?.id ?? null, newKeyId: created.id, publicKeyMultibase: created.public_key_multibase }), at: sql<Date>`now()`,
  }))).execute();
  return created;
}

/** The public half as a Multikey document (what `/issuers/<code>/keys/<id>` serves and the verifier reads). */
export function publicMultikey(config: AppConfig, agencyCode: string, key: Pick<IssuerKeyRow, 'id' | 'public_key_multibase'>) {
  return {
    '@context': MULTIKEY_V1,
    id: keyUrl(config, agencyCode, key.id),
    type: 'Multikey',
    controller: issuerUrl(config, agencyCode),
    publicKeyMultibase: key.public_key_multibase,
  };
}

/** A key pair that signs, with its published id and controller. */
export async function signingKeyPair(config: AppConfig, agencyCode: string, key: IssuerKeyRow) {
  return Ed25519Multikey.from({
    ...publicMultikey(config, agencyCode, key),
    secretKeyMultibase: decryptSecretKey(config, key.id, key.secret_key_encrypted),
  });
}
