import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_ANSWER_MS, VERIFICATIONS_PER_ADDRESS } from '../../server/src/modules/certificate/index.js';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { seat } from './workshop-fixture.js';

/**
 * The public verification page's query (/verifikasi/<code>): no sign-in, the NIP masked, the status; rate-limited
 * per client address; unknown and revoked codes answer in the same time. `trust proxy` is loopback so that
 * X-Forwarded-For stands for clients at other addresses.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await app?.close();
});

const VERIFY = `query($code: String!) { verifyCertificate(code: $code) {
  status serial recipientName recipientNipMasked title form jp competencies startsOn endsOn completedAt issuedAt agencyName partnerName
  signers { name position side } revokedAt revokedReason supersededByCode } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { id } }`;

let nextAddress = 10;
/** A signed-out visitor at an address of its own (a documentation range, RFC 5737). */
function visitor(): GraphQLClient {
  const client = app.anonymous();
  client.headers['x-forwarded-for'] = `203.0.113.${nextAddress++}`;
  return client;
}

async function issued() {
  const a = await app.seed.agencyWithStaff(1);
  const instructor = await app.seed.person({ agency: a.agency, orgUnit: a.unit, roles: [{ role: Role.INSTRUCTOR }] });
  await app.sql(`insert into certificate_signer (agency_id, name, position) values ($1, 'Dr. Siti Rahma', 'Kepala BKPSDM')`, [a.agency.id]);
  const course = await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 6, competencyTags: ['Manajemen risiko'] });
  await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
  const learner = a.learners[0];
  const enrolment = await seat(app, learner, course.run.id, course.id);
  await (await app.as(instructor)).ok(COMPLETE, { id: enrolment });
  const [c] = await app.sql<{ id: string; verification_code: string; serial: string }>(`select id, verification_code, serial from certificate where source_id = $1`, [enrolment]);
  return { ...a, learner, course, certificate: c };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('verifyCertificate', () => {
  it('answers anyone, signed out, with the facts and the NIP masked; an unknown or malformed code is null', async () => {
    const w = await issued();
    const res = await visitor().request(VERIFY, { code: w.certificate.verification_code });
    expect(res.errors).toBeUndefined();
    const v = res.data!.verifyCertificate;
    const nip = w.learner.nip!;
    expect(v).toMatchObject({
      status: 'VALID', serial: w.certificate.serial, recipientName: w.learner.fullName, title: w.course.title, jp: 6, competencies: ['Manajemen risiko'],
      recipientNipMasked: `${nip.slice(0, 4)}${'•'.repeat(11)}${nip.slice(-3)}`, signers: [{ name: 'Dr. Siti Rahma', position: 'Kepala BKPSDM', side: 'AGENCY' }],
      revokedAt: null, supersededByCode: null,
    });
    expect(JSON.stringify(res)).not.toContain(nip);
    expect((await visitor().ok(VERIFY, { code: 'A'.repeat(24) })).verifyCertificate).toBeNull();
    expect((await visitor().ok(VERIFY, { code: "x' or 1=1 --" })).verifyCertificate).toBeNull();
  });

  it('a revoked certificate says so with its date and reason', async () => {
    const w = await issued();
    await (await app.as(w.admin)).ok(REVOKE, { id: w.certificate.id, reason: 'Kelulusan tidak sah' });
    const v = (await visitor().ok(VERIFY, { code: w.certificate.verification_code })).verifyCertificate;
    expect(v).toMatchObject({ status: 'REVOKED', revokedReason: 'Kelulusan tidak sah', revokedAt: expect.any(String) });
  });

  it('an unknown code answers no sooner than a revoked one (medians of interleaved calls), and never under the floor', async () => {
    const w = await issued();
    await (await app.as(w.admin)).ok(REVOKE, { id: w.certificate.id, reason: 'Uji waktu' });
    const client = visitor();
    const timed = async (code: string) => {
      const started = performance.now();
      await client.ok(VERIFY, { code });
      return performance.now() - started;
    };
    await timed(w.certificate.verification_code); // warm-up
    const unknown: number[] = [];
    const revoked: number[] = [];
    for (let i = 0; i < 7; i++) {
      unknown.push(await timed(`${'Z'.repeat(20)}${String(i).padStart(4, '0')}`));
      revoked.push(await timed(w.certificate.verification_code));
    }
    expect(median(unknown)).toBeGreaterThanOrEqual(MIN_ANSWER_MS);
    expect(median(revoked)).toBeGreaterThanOrEqual(MIN_ANSWER_MS);
    // Within a tolerance for a busy shared machine: the floor is what hides the difference.
    expect(median(unknown)).toBeGreaterThanOrEqual(median(revoked) - 40);
  });

  it(`allows ${VERIFICATIONS_PER_ADDRESS} look-ups per address per window, then refuses with a translated error; other addresses go on`, async () => {
    const client = visitor();
    const code = 'B'.repeat(24);
    for (let start = 0; start < VERIFICATIONS_PER_ADDRESS; start += 40) {
      const answers = await Promise.all(Array.from({ length: Math.min(40, VERIFICATIONS_PER_ADDRESS - start) }, () => client.request(VERIFY, { code })));
      expect(answers.filter((a) => a.errors?.length)).toEqual([]);
    }
    const refused = await client.request(VERIFY, { code });
    expect(refused.errors?.[0].extensions?.code).toBe('VERIFICATION_TOO_MANY_REQUESTS');
    expect(refused.errors?.[0].message).toMatch(/^Terlalu banyak pemeriksaan sertifikat dari jaringan ini\. Coba lagi dalam \d+ menit\.$/);
    client.language = 'en';
    expect((await client.request(VERIFY, { code })).errors?.[0].message).toMatch(/^Too many certificate checks from this network/);
    expect((await visitor().request(VERIFY, { code })).errors).toBeUndefined();
  });
});
