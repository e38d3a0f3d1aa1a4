import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { AppConfig } from '../../shared/config/config.js';
import { db } from '../../shared/db/kysely.js';
import type { CertificateTransaction } from './certificate.hooks.js';
import { issuerBase } from './issuer-key.service.js';
import { STATUS_LIST_BITS } from './status-list.entity.js';

type Tx = Pick<CertificateTransaction, 'em'>;

export const statusListUrl = (config: AppConfig, listId: string) => `${issuerBase(config)}/status-lists/${listId}`;

export interface StatusSlot {
  listId: string;
  index: number;
}

/**
 * `count` unused indexes in the agency's current list, taken in order. The list row stays locked until the issuing
 * transaction ends (concurrent issuances in one agency queue here, as they do on the serial counter), and a full
 * list is followed by a new one.
 */
export async function allocateStatusSlots(tx: Tx, agencyId: string, count: number): Promise<StatusSlot[]> {
  const d = db(tx);
  const slots: StatusSlot[] = [];
  while (slots.length < count) {
    let list = await d.selectFrom('credential_status_list').select(['id', 'next_index'])
      .where('agency_id', '=', agencyId).where('next_index', '<', STATUS_LIST_BITS)
      .orderBy('created_at', 'desc').limit(1).forUpdate().executeTakeFirst();
    list ??= await d.insertInto('credential_status_list').values({
      id: sql<string>`gen_random_uuid()`, agency_id: agencyId, bits: Buffer.alloc(STATUS_LIST_BITS / 8), next_index: 0,
      created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
    }).returning(['id', 'next_index']).executeTakeFirstOrThrow();
    const take = Math.min(count - slots.length, STATUS_LIST_BITS - list.next_index);
    await d.updateTable('credential_status_list').set({ next_index: list.next_index + take }).where('id', '=', list.id).execute();
    for (let i = 0; i < take; i++) slots.push({ listId: list.id, index: list.next_index + i });
  }
  return slots;
}

/**
 * Sets the revocation bit of these certificates' credentials, in the caller's transaction (a revocation and its
 * published status commit together). Bits count from the left, as the specification reads them: index i is bit
 * 7 - i % 8 of byte i / 8 in PostgreSQL's numbering (which counts from each byte's least significant bit).
 */
export async function setStatusBits(tx: Tx, certificateIds: string[]): Promise<void> {
  if (!certificateIds.length) return;
  const d = db(tx);
  const slots = await d.selectFrom('certificate_credential').select(['status_list_id', 'status_index'])
    .where('certificate_id', '=', sql<string>`any(${certificateIds}::uuid[])`).orderBy('status_list_id').orderBy('status_index').execute();
  for (const slot of slots) {
    await d.updateTable('credential_status_list')
      .set({ bits: sql<Buffer>`set_bit(bits, ${(slot.status_index >> 3) * 8 + 7 - (slot.status_index & 7)}, 1)`, updated_at: sql<Date>`now()` })
      .where('id', '=', slot.status_list_id).execute();
  }
}

/** Whether index `i` is set in a list's bytes (left to right). */
export function bitIsSet(bits: Buffer, index: number): boolean {
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** The specification's `encodedList`: GZIP of the bitstring, multibase base64url (prefix `u`, no padding). */
function encodeStatusList(bits: Buffer): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The unsigned BitstringStatusListCredential of a list (signed by credential.service when served). */
export function statusListCredential(config: AppConfig, list: { id: string; bits: Buffer; updated_at: Date }, issuer: string) {
  const url = statusListUrl(config, list.id);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: new Date(list.updated_at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(list.bits) },
  };
}
