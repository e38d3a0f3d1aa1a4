import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Agency } from '../agency/agency.entity.js';

/** Bits per list: the Bitstring Status List minimum (131,072 = 16 KiB), so one index tells nothing about the others. */
export const STATUS_LIST_BITS = 131_072;

/**
 * One agency's revocation list (W3C Bitstring Status List, statusPurpose "revocation"): each of its credentials
 * holds an index; a set bit means revoked or superseded. Indexes are handed out in order (`next_index`, row-locked
 * by the issuing transaction); a full list is followed by a new one. Published, signed, at `/status-lists/<id>`.
 */
@Entity()
@Check({ name: 'credential_status_list_size', expression: `octet_length(bits) = ${STATUS_LIST_BITS / 8}` })
@Check({ name: 'credential_status_list_next', expression: `next_index >= 0 and next_index <= ${STATUS_LIST_BITS}` })
export class CredentialStatusList extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'cascade', index: true })
  agency: Rel<Agency>;

  /** Left to right: bit 0 is the first byte's most significant bit, as the specification reads it. */
  @Property({ type: 'blob' })
  bits: Buffer;

  @Property({ type: 'integer', default: 0 })
  nextIndex: number & Opt = 0;

  constructor(agency: Agency) {
    super();
    this.agency = agency;
    this.bits = Buffer.alloc(STATUS_LIST_BITS / 8);
  }
}
