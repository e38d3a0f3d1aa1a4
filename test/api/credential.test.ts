import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineDocumentLoader, RefusedDocumentError } from '../../server/src/modules/certificate/index.js';
import { agencyWithCertificates, downloadCredential, VERIFY } from '../kit/credential-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Json = any;
const getJson = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), body: res.status === 200 ? await res.json() : null };
};
const waitFor = async <T>(fn: () => Promise<T | null | undefined>, ms = 20_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('the Open Badges credential of a certificate', () => {
  it('is an OpenBadgeCredential signed eddsa-rdfc-2022 by the agency key, JP as credits, competencies as alignments, the NIP only hashed; a job signs it', async () => {
    const a = await agencyWithCertificates(app, 1, { jp: 8, competencies: ['Analisis Kebijakan', 'Manajemen Risiko'] });
    const [certificateId] = a.certificateIds;
    // The issuing transaction wrote the row and its status index; the job signs it without anyone asking.
    const [slot] = await app.sql<{ status_index: number }>(`select status_index from certificate_credential where certificate_id = $1`, [certificateId]);
    expect(slot.status_index).toBe(0);
    const text = await waitFor(async () => (await app.sql<{ document: string | null }>(`select document from certificate_credential where certificate_id = $1`, [certificateId]))[0]?.document);
    const vc = JSON.parse(text);
    const [{ serial, verification_code: code, recipient_nip: nip }] = await app.sql<{ serial: string; verification_code: string; recipient_nip: string }>(
      `select serial, verification_code, recipient_nip from certificate where id = $1`, [certificateId]);
    expect(vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toBe(`urn:uuid:${certificateId}`);
    expect(vc.issuer).toMatchObject({ id: `http://localhost:0/issuers/${a.code}`, type: ['Profile'] });
    expect(vc.validFrom).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(vc.credentialSubject.creditsEarned).toBe(8);
    expect(vc.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], creditsAvailable: 8, criteria: { narrative: expect.stringContaining('8 JP') } });
    expect(vc.credentialSubject.achievement.description).toContain(serial);
    expect(vc.credentialSubject.achievement.alignment.map((x: Json) => x.targetName)).toEqual(['Analisis Kebijakan', 'Manajemen Risiko']);
    expect(vc.credentialSubject.identifier[0]).toMatchObject({ type: 'IdentityObject', hashed: true, salt: code });
    expect(text).not.toContain(nip);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '0' });
    expect(vc.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
    const [key] = await app.sql<{ id: string; public_key_multibase: string; secret_key_encrypted: Buffer }>(
      `select id, public_key_multibase, secret_key_encrypted from credential_issuer_key where agency_id = $1`, [a.agency.id]);
    expect(vc.proof.verificationMethod).toBe(`http://localhost:0/issuers/${a.code}/keys/${key.id}`);
    // The private key is only stored encrypted.
    expect(key.secret_key_encrypted.toString('latin1')).not.toMatch(/z[1-9A-HJ-NP-Za-km-z]{40}/);

    // The genuine credential verifies, with the certificate's facts and no NIP.
    const { verifyCredential: check } = await app.anonymous().ok(VERIFY, { json: text });
    expect(check).toMatchObject({ verdict: 'VALID', serial, recipientName: expect.any(String) });
    expect(JSON.stringify(check)).not.toContain(nip);
  });

  it('downloads for its holder and the issuing agency admins; anyone else gets 404; the GraphQL field says the same', async () => {
    const a = await agencyWithCertificates(app, 2);
    const [mine, theirs] = a.certificateIds;
    const holder = await app.as(a.learners[0]);
    const got = await downloadCredential(app, holder.sessionCookie!, mine);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/);
    expect(JSON.parse(got.text).id).toBe(`urn:uuid:${mine}`);
    expect((await downloadCredential(app, holder.sessionCookie!, theirs)).status).toBe(404);
    const admin = await app.as(a.admin);
    expect((await downloadCredential(app, admin.sessionCookie!, theirs)).status).toBe(200);
    const other = await agencyWithCertificates(app, 1);
    const otherAdmin = await app.as(other.admin);
    expect((await downloadCredential(app, otherAdmin.sessionCookie!, mine)).status).toBe(404);
    expect((await fetch(`${app.url}/files/certificates/${mine}/credential.json`)).status).toBe(401);

    const FIELD = `query($id: ID!) { certificate(id: $id) { credentialJson } }`;
    expect(JSON.parse((await holder.ok(FIELD, { id: mine })).certificate.credentialJson).id).toBe(`urn:uuid:${mine}`);
    expect(await otherAdmin.errorCode(FIELD, { id: mine })).toBe('NOT_FOUND');
  });

  it('publishes the issuer profile with every key, each key as a Multikey, and a signed status list of at least 131072 bits', async () => {
    const a = await agencyWithCertificates(app, 1);
    const vc = JSON.parse((await downloadCredential(app, (await app.as(a.learners[0])).sessionCookie!, a.certificateIds[0])).text);
    const profile = await getJson(`/issuers/${a.code}`);
    expect(profile.type).toMatch(/^application\/ld\+json/);
    expect(profile.body).toMatchObject({ id: vc.issuer.id.replace('http://localhost:0', 'http://localhost:0'), type: ['Profile'], assertionMethod: [vc.proof.verificationMethod] });
    const keyPath = new URL(vc.proof.verificationMethod).pathname;
    const key = await getJson(keyPath);
    expect(key.body).toMatchObject({ type: 'Multikey', id: vc.proof.verificationMethod, controller: vc.issuer.id, publicKeyMultibase: expect.stringMatching(/^z6Mk/) });
    expect((await getJson(`/issuers/TIDAK-ADA-${Date.now()}`)).status).toBe(404);

    const list = await getJson(new URL(vc.credentialStatus.statusListCredential).pathname);
    expect(list.body.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.body.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022', verificationMethod: vc.proof.verificationMethod });
    const encoded: string = list.body.credentialSubject.encodedList;
    expect(encoded[0]).toBe('u');
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
    expect(bits.every((b) => b === 0)).toBe(true);
    // The status list is itself a credential our verifier accepts (signed by the agency, nothing altered).
    expect((await app.anonymous().ok(VERIFY, { json: JSON.stringify(list.body) })).verifyCredential.verdict).not.toBe('TAMPERED');
  });

  it('the document loader answers the bundled contexts and refuses any other URL without fetching it', async () => {
    const load = offlineDocumentLoader();
    expect((await load('https://www.w3.org/ns/credentials/v2')).document).toHaveProperty('@context');
    expect((await load('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')).document).toHaveProperty('@context');
    await expect(load('https://example.org/context.json')).rejects.toBeInstanceOf(RefusedDocumentError);

    // A credential naming a context on a live server: refused as MALFORMED, and the server is never asked.
    const { createServer } = await import('node:http');
    let hits = 0;
    const server = createServer((_req, res) => { hits++; res.end('{"@context":{}}'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const a = await agencyWithCertificates(app, 1);
      const vc = JSON.parse((await downloadCredential(app, (await app.as(a.learners[0])).sessionCookie!, a.certificateIds[0])).text);
      vc['@context'].push(`http://127.0.0.1:${port}/context.json`);
      const { verifyCredential: check } = await app.anonymous().ok(VERIFY, { json: JSON.stringify(vc) });
      expect(check.verdict).toBe('MALFORMED');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('key rotation: admins of the agency and platform admins rotate, with an audit row; other admins are refused', async () => {
    const a = await agencyWithCertificates(app, 1);
    const KEYS = `query($id: ID!) { credentialKeys(agencyId: $id) { id url createdAt retiredAt } }`;
    const ROTATE = `mutation($id: ID!) { rotateCredentialKey(agencyId: $id) { id retiredAt } }`;
    const admin = await app.as(a.admin);
    // The agency's first key is made when its first credential is signed.
    expect((await downloadCredential(app, admin.sessionCookie!, a.certificateIds[0])).status).toBe(200);
    const before = (await admin.ok(KEYS, { id: a.agency.id })).credentialKeys;
    expect(before).toHaveLength(1);
    const rotated = (await admin.ok(ROTATE, { id: a.agency.id })).rotateCredentialKey;
    expect(rotated.retiredAt).toBeNull();
    const after = (await admin.ok(KEYS, { id: a.agency.id })).credentialKeys;
    expect(after.map((k: Json) => k.id)).toEqual([before[0].id, rotated.id]);
    expect(after[0].retiredAt).not.toBeNull();
    const [audit] = await app.sql<{ actor_id: string; data: Json }>(`select actor_id, data from audit_entry where action = 'credential_key.rotate' and target_id = $1`, [a.agency.id]);
    expect(audit).toMatchObject({ actor_id: a.admin.id, data: { retiredKeyId: before[0].id, newKeyId: rotated.id } });
    const other = await agencyWithCertificates(app, 1);
    expect(await (await app.as(other.admin)).errorCode(ROTATE, { id: a.agency.id })).toBe('FORBIDDEN');
    expect(await (await app.as(a.learners[0])).errorCode(ROTATE, { id: a.agency.id })).toBe('FORBIDDEN');
    // The profile publishes both keys.
    expect((await getJson(`/issuers/${a.code}`)).body.assertionMethod).toEqual(after.map((k: Json) => k.url));
  });

  it('public verification is limited per address', async () => {
    const limited = await startTestApp({ credentialVerifyLimit: { perAddress: 3, windowMinutes: 10 } });
    try {
      const client = limited.anonymous();
      for (let i = 0; i < 3; i++) expect((await client.ok(VERIFY, { json: '{' })).verifyCredential.verdict).toBe('MALFORMED');
      expect(await client.errorCode(VERIFY, { json: '{' })).toBe('TOO_MANY_VERIFICATIONS');
    } finally {
      await limited.close();
    }
  });
});
