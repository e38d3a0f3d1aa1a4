import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { OperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { CertificateStatus } from './certificate.entity.js';
import { CREDENTIALS_V2, MULTIKEY_V1, OPEN_BADGES_V3, offlineDocumentLoader, RefusedDocumentError } from './credential.contexts.js';
import { issuerBase, issuerUrl, publicMultikey } from './issuer-key.service.js';
import { bitIsSet } from './status-list.service.js';

/** What a verifier is told about an uploaded credential. */
export enum CredentialVerdict {
  VALID = 'VALID',
  /** The signature does not match what the credential says (altered, or signed by a key not the issuer's). */
  TAMPERED = 'TAMPERED',
  REVOKED = 'REVOKED',
  SUPERSEDED = 'SUPERSEDED',
  /** Not one of our issuers or keys. */
  UNKNOWN_ISSUER = 'UNKNOWN_ISSUER',
  /** Signed by a key after it was retired (rotated out): a retired key signs nothing new. */
  EXPIRED_KEY = 'EXPIRED_KEY',
  /** Not JSON, not a credential, or not the kind of proof we issue. */
  MALFORMED = 'MALFORMED',
}

export interface CredentialCheck {
  verdict: CredentialVerdict;
  /** Why, as a message key (`credential.verdict.<…>`) the resolver translates. */
  reason: string;
  certificate?: { id: string; serial: string; title: string; recipientName: string; agencyName: string; issuedAt: Date; revokedAt: Date | null; revokedReason: string | null };
}

const fail = (verdict: CredentialVerdict, reason: string): CredentialCheck => ({ verdict, reason });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The issuer profile (OB 3.0 Profile) with its keys: what `/issuers/<code>` serves and the verifier's controller. */
export async function issuerProfile(ctx: Pick<OperationContext, 'em' | 'config'>, agencyCode: string) {
  const agency = await db(ctx).selectFrom('agency').select(['id', 'code', 'name']).where('code', '=', agencyCode).executeTakeFirst();
  if (!agency) return null;
  const keys = await db(ctx).selectFrom('credential_issuer_key').select(['id', 'public_key_multibase', 'created_at', 'retired_at'])
    .where('agency_id', '=', agency.id).orderBy('created_at').execute();
  const methods = keys.map((k) => {
    const { '@context': _context, ...method } = publicMultikey(ctx.config, agency.code, k);
    return method;
  });
  return {
    profile: {
      '@context': [CREDENTIALS_V2, OPEN_BADGES_V3, MULTIKEY_V1],
      id: issuerUrl(ctx.config, agency.code),
      type: ['Profile'],
      name: agency.name,
      url: issuerBase(ctx.config),
      verificationMethod: methods,
      // Retired keys stay here: what they signed before retiring stays verifiable.
      assertionMethod: methods.map((m) => m.id),
    },
    agencyId: agency.id,
    keys,
  };
}

/**
 * Verifies an uploaded credential (JSON text) against our issuers, keys and status lists, never fetching anything:
 * the shape first (MALFORMED), then the issuer and the key (UNKNOWN_ISSUER; another agency's key: TAMPERED), then
 * the Data Integrity proof (TAMPERED), the key's retirement (EXPIRED_KEY), and the status list bit with the
 * certificate's status (REVOKED / SUPERSEDED).
 */
export async function verifyCredentialJson(ctx: Pick<OperationContext, 'em' | 'config'>, text: string): Promise<CredentialCheck> {
  let credential: unknown;
  try {
    credential = JSON.parse(text);
  } catch {
    return fail(CredentialVerdict.MALFORMED, 'NOT_JSON');
  }
  if (!isObject(credential) || !Array.isArray(credential.type) || !credential.type.includes('VerifiableCredential')
    || !Array.isArray(credential['@context']) || credential['@context'][0] !== CREDENTIALS_V2) {
    return fail(CredentialVerdict.MALFORMED, 'NOT_CREDENTIAL');
  }
  const proof = credential.proof;
  if (!isObject(proof) || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022'
    || typeof proof.verificationMethod !== 'string' || typeof proof.created !== 'string') {
    return fail(CredentialVerdict.MALFORMED, 'PROOF_TYPE');
  }

  const issuerId = isObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  const base = issuerBase(ctx.config);
  const issuerMatch = typeof issuerId === 'string' && issuerId.startsWith(`${base}/issuers/`) ? decodeURIComponent(issuerId.slice(base.length + 9)) : null;
  const issuer = issuerMatch && !issuerMatch.includes('/') ? await issuerProfile(ctx, issuerMatch) : null;
  if (!issuer || issuer.profile.id !== issuerId) return fail(CredentialVerdict.UNKNOWN_ISSUER, 'UNKNOWN_ISSUER');
  const method = proof.verificationMethod;
  const keyMatch = new RegExp(`^${escapeRegExp(base)}/issuers/([^/]+)/keys/(${UUID})$`).exec(method);
  if (!keyMatch) return fail(CredentialVerdict.UNKNOWN_ISSUER, 'UNKNOWN_KEY');
  const key = issuer.keys.find((k) => k.id === keyMatch[2]);
  if (!key) {
    const elsewhere = await db(ctx).selectFrom('credential_issuer_key').select('id').where('id', '=', keyMatch[2]).executeTakeFirst();
    return elsewhere ? fail(CredentialVerdict.TAMPERED, 'FOREIGN_KEY') : fail(CredentialVerdict.UNKNOWN_ISSUER, 'UNKNOWN_KEY');
  }
  if (decodeURIComponent(keyMatch[1]) !== issuerMatch) return fail(CredentialVerdict.TAMPERED, 'FOREIGN_KEY');

  // Only our own issuer and key documents resolve besides the bundled contexts.
  const multikey = publicMultikey(ctx.config, issuerMatch, key);
  const documentLoader = offlineDocumentLoader(async (url) => (url === multikey.id ? multikey : url === issuer.profile.id ? issuer.profile : null));
  let result: Awaited<ReturnType<typeof vc.verifyCredential>>;
  try {
    result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      purpose: new vc.CredentialIssuancePurpose({ controller: issuer.profile }),
      // The status is read below from our own list (no fetch), once the signature holds.
      checkStatus: () => Promise.resolve({ verified: true }),
    });
  } catch (error) {
    return fail(hasRefusal(error) ? CredentialVerdict.MALFORMED : CredentialVerdict.TAMPERED, hasRefusal(error) ? 'UNKNOWN_CONTEXT' : 'SIGNATURE');
  }
  if (!result.verified) {
    return hasRefusal(result.error) || result.results?.some((r) => hasRefusal(r.error))
      ? fail(CredentialVerdict.MALFORMED, 'UNKNOWN_CONTEXT') : fail(CredentialVerdict.TAMPERED, 'SIGNATURE');
  }
  // `created` has whole seconds: a proof made in the second the key retired is still the key's own.
  if (key.retired_at && Date.parse(proof.created) >= Math.floor(new Date(key.retired_at).getTime() / 1000) * 1000 + 1000) {
    return fail(CredentialVerdict.EXPIRED_KEY, 'EXPIRED_KEY');
  }

  const certificateId = typeof credential.id === 'string' ? new RegExp(`^urn:uuid:(${UUID})$`).exec(credential.id)?.[1] : undefined;
  const entry = credential.credentialStatus;
  if (!certificateId || !isObject(entry) || typeof entry.statusListCredential !== 'string') return fail(CredentialVerdict.UNKNOWN_ISSUER, 'UNKNOWN_CERTIFICATE');
  const row = await db(ctx).selectFrom('certificate as c').innerJoin('certificate_credential as cc', 'cc.certificate_id', 'c.id')
    .innerJoin('credential_status_list as l', 'l.id', 'cc.status_list_id')
    .select(['c.id', 'c.serial', 'c.title', 'c.recipient_name', 'c.agency_name', 'c.issued_at', 'c.status', 'c.revoked_at', 'c.revoked_reason', 'l.bits', 'cc.status_index'])
    .where('c.id', '=', certificateId).where('l.agency_id', '=', issuer.agencyId).executeTakeFirst();
  if (!row) return fail(CredentialVerdict.UNKNOWN_ISSUER, 'UNKNOWN_CERTIFICATE');
  const certificate = {
    id: row.id, serial: row.serial, title: row.title, recipientName: row.recipient_name, agencyName: row.agency_name,
    issuedAt: new Date(row.issued_at), revokedAt: row.revoked_at ? new Date(row.revoked_at) : null, revokedReason: row.revoked_reason,
  };
  const status = row.status as CertificateStatus;
  if (bitIsSet(row.bits, row.status_index) || status !== CertificateStatus.VALID) {
    return status === CertificateStatus.SUPERSEDED
      ? { verdict: CredentialVerdict.SUPERSEDED, reason: 'SUPERSEDED', certificate }
      : { verdict: CredentialVerdict.REVOKED, reason: 'REVOKED', certificate };
  }
  return { verdict: CredentialVerdict.VALID, reason: 'VALID', certificate };
}

function hasRefusal(error: unknown, depth = 0): boolean {
  if (!error || depth > 6) return false;
  if (error instanceof RefusedDocumentError) return true;
  const e = error as { cause?: unknown; errors?: unknown[]; details?: { cause?: unknown } };
  return hasRefusal(e.cause, depth + 1) || hasRefusal(e.details?.cause, depth + 1) || (e.errors ?? []).some((x) => hasRefusal(x, depth + 1));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
