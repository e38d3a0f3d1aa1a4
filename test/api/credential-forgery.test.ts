import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeKey, CertificateSource, issueCertificates, revokeCertificatesForSources, signDocument, type IssuerKeyRow } from '../../server/src/modules/certificate/index.js';
import { loadConfig } from '../../server/src/shared/config/config.js';
import { agencyWithCertificates, downloadCredential, VERIFY } from '../kit/credential-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * The forgery corpus: a genuine credential altered every way we can think of, each rejected with the right verdict,
 * and every genuine credential (before and after a key rotation) accepted. Verification canonicalises the credential
 * (RDF, ~0.05–0.1 s), so the corpus is one credential's ~40 leaves plus the named forgeries: a few seconds.
 */
let app: TestApp;
// The test server's settings (port 0, no public URL): the same issuer URLs it signs with.
const config = { ...loadConfig({}), port: 0 };
beforeAll(async () => {
  // The corpus sends ~60 verifications from one address.
  app = await startTestApp({ credentialVerifyLimit: { perAddress: 1000, windowMinutes: 10 } });
});
afterAll(async () => {
  await app?.close();
});

type Json = any;
const verify = async (json: string) => (await app.anonymous().ok(VERIFY, { json })).verifyCredential as { verdict: string; reason: string; serial: string | null; revokedReason: string | null };
const credentialOf = async (cookie: string, id: string) => (await downloadCredential(app, cookie, id)).text;
const withoutProof = (vc: Json) => {
  const { proof: _proof, ...rest } = vc as Record<string, unknown>;
  return rest;
};
const inTx = <T>(fn: (tx: { em: ReturnType<TestApp['em']>; viewer: null }) => Promise<T>) => app.em().transactional((em) => fn({ em, viewer: null }));
const keyOf = (agencyId: string) => inTx((tx) => activeKey(tx, config, agencyId));

/** Every leaf of a JSON value with its path. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}
function altered(vc: Json, path: (string | number)[]): Json {
  const copy = structuredClone(vc);
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  const last = path[path.length - 1];
  const v = node[last];
  node[last] = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}x`;
  return copy;
}
/** What altering a leaf must answer: the proof's kind is checked first, then who signed, then the signature. */
function expectedFor(path: (string | number)[]): string {
  const p = path.join('.');
  if (p === 'proof.type' || p === 'proof.cryptosuite') return 'MALFORMED';
  if (p.startsWith('@context')) return 'MALFORMED';
  if (p === 'type.0') return 'MALFORMED';
  if (p === 'issuer.id' || p === 'proof.verificationMethod') return 'UNKNOWN_ISSUER';
  return 'TAMPERED';
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58Decode(s: string): Buffer {
  let n = 0n;
  for (const c of s) n = n * 58n + BigInt(BASE58.indexOf(c));
  const hex = n.toString(16);
  return Buffer.concat([Buffer.alloc(s.length - s.replace(/^1+/, '').length), Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')]);
}
function base58Encode(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

describe('the forgery corpus', () => {
  let genuine: string;
  let a: Awaited<ReturnType<typeof agencyWithCertificates>>;
  let b: Awaited<ReturnType<typeof agencyWithCertificates>>;
  let holderCookie: string;

  beforeAll(async () => {
    a = await agencyWithCertificates(app, 3, { jp: 4, competencies: ['Pelayanan Publik'] });
    b = await agencyWithCertificates(app, 1);
    holderCookie = (await app.as(a.learners[0])).sessionCookie!;
    genuine = await credentialOf(holderCookie, a.certificateIds[0]);
  }, 120_000);

  it('accepts the genuine credential', async () => {
    expect(await verify(genuine)).toMatchObject({ verdict: 'VALID', serial: expect.stringContaining(a.code) });
  });

  it('rejects every leaf altered in turn, with the right verdict', async () => {
    const vc = JSON.parse(genuine);
    const paths = leaves(vc);
    expect(paths.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const path of paths) {
      const got = await verify(JSON.stringify(altered(vc, path)));
      if (got.verdict !== expectedFor(path)) wrong.push(`${path.join('.')}: ${got.verdict} (${got.reason}), expected ${expectedFor(path)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('rejects a bit-flipped signature, truncated JSON, a proof of another type, a missing proof', async () => {
    const vc = JSON.parse(genuine);
    const signature = base58Decode(vc.proof.proofValue.slice(1));
    signature[20] ^= 0x01;
    expect(await verify(JSON.stringify({ ...vc, proof: { ...vc.proof, proofValue: `z${base58Encode(signature)}` } }))).toMatchObject({ verdict: 'TAMPERED' });
    expect((await verify(genuine.slice(0, Math.floor(genuine.length / 2)))).verdict).toBe('MALFORMED');
    expect((await verify(JSON.stringify({ ...vc, proof: { ...vc.proof, type: 'Ed25519Signature2020' } }))).verdict).toBe('MALFORMED');
    expect((await verify(JSON.stringify({ ...vc, proof: { ...vc.proof, cryptosuite: 'ecdsa-rdfc-2019' } }))).verdict).toBe('MALFORMED');
    expect((await verify(JSON.stringify(withoutProof(vc)))).verdict).toBe('MALFORMED');
    expect((await verify('[]')).verdict).toBe('MALFORMED');
  });

  it("rejects a credential re-signed with another agency's key, and one from an issuer we do not know", async () => {
    const vc = JSON.parse(genuine);
    // B's real key, named as B's key: the issuer is A, so the key is not the issuer's.
    const bKey = await keyOf(b.agency.id);
    const byB = await signDocument(config, b.code, bKey, withoutProof(vc));
    expect(await verify(JSON.stringify(byB))).toMatchObject({ verdict: 'TAMPERED', reason: expect.stringContaining('instansi lain') });
    // B's key, but claiming to be A's key id: the signature does not match A's key.
    const aKey = await keyOf(a.agency.id);
    const aKeyUrl = vc.proof.verificationMethod as string;
    expect(aKeyUrl).toContain(aKey.id);
    const disguised = { ...byB, proof: { ...(byB.proof as Json), verificationMethod: aKeyUrl } };
    expect((await verify(JSON.stringify(disguised))).verdict).toBe('TAMPERED');

    // An issuer on another host (its own URLs, a key we never published).
    const elsewhere = { ...config, publicUrl: 'https://palsu.example' };
    const foreign = { ...withoutProof(vc), issuer: { ...vc.issuer, id: 'https://palsu.example/issuers/X' } };
    const forged = await signDocument(elsewhere, 'X', bKey, foreign);
    expect((forged.proof as Json).verificationMethod).toMatch(/^https:\/\/palsu\.example\//);
    expect((await verify(JSON.stringify(forged))).verdict).toBe('UNKNOWN_ISSUER');
    // The same issuer name as A's (a copied profile URL), but a key we never made.
    const fake = { ...byB, proof: { ...(byB.proof as Json), verificationMethod: aKeyUrl.replace(aKey.id, crypto.randomUUID()) } };
    expect((await verify(JSON.stringify(fake))).verdict).toBe('UNKNOWN_ISSUER');
  });

  it('says REVOKED for a revoked certificate and SUPERSEDED for a corrected one, from the status list bit set in the same transaction', async () => {
    const revokedText = await credentialOf((await app.as(a.learners[1])).sessionCookie!, a.certificateIds[1]);
    const supersededText = await credentialOf((await app.as(a.learners[2])).sessionCookie!, a.certificateIds[2]);
    expect((await verify(revokedText)).verdict).toBe('VALID');
    await inTx((tx) => revokeCertificatesForSources(tx, [{ source: CertificateSource.COURSE_RUN, sourceId: a.enrolments[1] }], 'Kelulusan dibatalkan'));
    expect(await verify(revokedText)).toMatchObject({ verdict: 'REVOKED', revokedReason: 'Kelulusan dibatalkan' });
    // The published list says so too.
    const vc = JSON.parse(revokedText);
    const list = await (await fetch(`${app.url}${new URL(vc.credentialStatus.statusListCredential).pathname}`)).json();
    const { gunzipSync } = await import('node:zlib');
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    const index = Number(vc.credentialStatus.statusListIndex);
    expect((bits[index >> 3] >> (7 - (index & 7))) & 1).toBe(1);
    expect(bits.reduce((n, byte) => n + byte.toString(2).replaceAll('0', '').length, 0)).toBe(1);

    // A correction: the ledger now says other JP, so issuance re-issues and supersedes.
    await app.sql(`update certificate set jp = jp + 1 where id = $1`, [a.certificateIds[2]]);
    const [newer] = await inTx((tx) => issueCertificates(tx, [{ source: CertificateSource.COURSE_RUN, sourceId: a.enrolments[2] }]));
    expect(newer).toBeTruthy();
    expect((await verify(supersededText)).verdict).toBe('SUPERSEDED');
    expect((await verify(await credentialOf((await app.as(a.learners[2])).sessionCookie!, newer))).verdict).toBe('VALID');
  });

  it('after a key rotation, old and new credentials are accepted; the retired key signing anything new is EXPIRED_KEY', async () => {
    const oldKey = await keyOf(a.agency.id);
    await (await app.as(a.admin)).ok(`mutation($id: ID!) { rotateCredentialKey(agencyId: $id) { id } }`, { id: a.agency.id });
    expect((await verify(genuine)).verdict).toBe('VALID');
    const fresh = await agencyWithCertificatesIn(a);
    const freshVc = JSON.parse(fresh);
    expect(freshVc.proof.verificationMethod).not.toBe(JSON.parse(genuine).proof.verificationMethod);
    expect((await verify(fresh)).verdict).toBe('VALID');
    // The retired key signs the new certificate's facts after its retirement.
    const [retired] = await app.sql<IssuerKeyRow>(`select * from credential_issuer_key where id = $1`, [oldKey.id]);
    expect(retired.retired_at).not.toBeNull();
    // Proofs carry whole seconds: sign in a later second than the retirement.
    await new Promise((r) => setTimeout(r, 1100));
    const late = await signDocument(config, a.code, retired, withoutProof(freshVc));
    expect((await verify(JSON.stringify(late))).verdict).toBe('EXPIRED_KEY');
  });
});

/** A new certificate in agency A (another learner completes a course), its credential as the holder downloads it. */
async function agencyWithCertificatesIn(a: Awaited<ReturnType<typeof agencyWithCertificates>>): Promise<string> {
  const learner = await app.seed.person({ agency: a.agency });
  const { CourseVisibility } = await import('../../server/src/modules/course/index.js');
  const { Role } = await import('../../server/src/shared/auth/roles.js');
  const partner = await app.seed.partner();
  const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 2 });
  const client = await app.as(learner);
  const { enrol } = await client.ok(`mutation($runId: ID!) { enrol(runId: $runId) { id } }`, { runId: course.run.id });
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
  await (await app.as(instructor)).ok(`mutation($id: ID!) { completeEnrolment(id: $id) { id } }`, { id: enrol.id });
  const [{ id }] = await app.sql<{ id: string }>(`select id from certificate where source_id = $1`, [enrol.id]);
  return credentialOf(client.sessionCookie!, id);
}
