import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * A workshop run's materials (issue 7: "materials (files or links)"): https links through GraphQL, files uploaded over
 * plain HTTP and kept by the server (size- and type-checked by their content), downloaded only by seat holders and
 * who runs the workshop; everyone else gets 404, as the API answers NOT_FOUND.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const DAY = 24 * 3600_000;
const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const ADD_LINK = `mutation($input: AddRunMaterialLinkInput!) { addRunMaterialLink(input: $input) }`;
const REMOVE = `mutation($id: ID!) { removeRunMaterial(id: $id) }`;
const MATERIALS = `query($id: ID!) { courseRun(id: $id) { materials { id title url downloadUrl fileName contentType byteSize } } }`;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
/** The start of a PowerPoint file: a zip whose entries are [Content_Types].xml and ppt/… */
const PPTX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml'), Buffer.alloc(64), Buffer.from('ppt/slides/slide1.xml'), Buffer.alloc(64)]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('payload/run.exe'), Buffer.alloc(64)]);

async function world() {
  const a = await app.seed.agencyWithStaff(2);
  const b = await app.seed.agencyWithStaff(1);
  const instructor = await app.seed.person({ agency: a.agency, roles: [{ role: Role.INSTRUCTOR }] });
  const course = await app.seed.course({
    kind: CourseKind.WORKSHOP, ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, capacity: 1, policy: EnrolmentPolicy.OPEN,
    instructors: [instructor], startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 11 * DAY),
  });
  const [seated, waiting] = await Promise.all(a.learners.map((l) => app.as(l)));
  expect((await seated.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('ACTIVE');
  expect((await waiting.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('WAITLISTED');
  return {
    course, runId: course.run.id, admin: await app.as(a.admin), otherAdmin: await app.as(b.admin), instructor: await app.as(instructor),
    seated, waiting, otherLearner: await app.as(b.learners[0]),
  };
}

function upload(client: GraphQLClient, runId: string, body: Buffer, opts: { type?: string; title?: string; fileName?: string; length?: number } = {}) {
  const query = new URLSearchParams({ ...(opts.title ? { title: opts.title } : {}), ...(opts.fileName ? { fileName: opts.fileName } : {}) });
  return fetch(`${app.url}/files/runs/${runId}/materials?${query}`, {
    method: 'POST',
    headers: { 'content-type': opts.type ?? 'application/octet-stream', cookie: client.sessionCookie ?? '', ...(opts.length ? { 'content-length': String(opts.length) } : {}) },
    body: new Uint8Array(body),
  });
}
const download = (client: GraphQLClient, path: string) => fetch(`${app.url}${path}`, { headers: { cookie: client.sessionCookie ?? '' } });
const rows = async (runId: string) => (await app.sql(`select count(*)::int as n from run_material where run_id = $1`, [runId]))[0].n as number;

describe('workshop materials', () => {
  it('keeps an uploaded PDF and gives it to seat holders and who runs the workshop, 404 to everyone else', async () => {
    const w = await world();
    const res = await upload(w.admin, w.runId, PDF, { type: 'application/pdf', title: 'Modul hari 1', fileName: 'modul hari 1.pdf' });
    expect(res.status).toBe(201);
    const { id, contentType } = await res.json() as { id: string; contentType: string };
    expect(contentType).toBe('application/pdf');
    const [material] = (await w.seated.ok(MATERIALS, { id: w.runId })).courseRun.materials;
    expect(material).toMatchObject({ id, title: 'Modul hari 1', fileName: 'modul-hari-1.pdf', byteSize: PDF.length, downloadUrl: `/files/run-materials/${id}` });
    for (const viewer of [w.seated, w.admin, w.instructor]) {
      const file = await download(viewer, material.downloadUrl);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    }
    // The waiting list, another agency's learner and admin: the title is shown, the file is not there for them.
    for (const viewer of [w.waiting, w.otherLearner, w.otherAdmin]) {
      expect((await viewer.ok(MATERIALS, { id: w.runId })).courseRun.materials[0]).toMatchObject({ title: 'Modul hari 1', downloadUrl: null });
      expect((await download(viewer, `/files/run-materials/${id}`)).status).toBe(404);
    }
    expect((await download(app.anonymous(), `/files/run-materials/${id}`)).status).toBe(401);
    const [audit] = await app.sql(`select data from audit_entry where action = 'run_material.upload' and target_id = $1`, [id]);
    expect(audit.data).toMatchObject({ runId: w.runId, byteSize: PDF.length });
  });

  it('recognises office files by their content and refuses other files, too large ones and other people, writing nothing', async () => {
    const w = await world();
    const pptx = await upload(w.admin, w.runId, PPTX, { fileName: 'paparan.pptx' });
    expect(pptx.status).toBe(201);
    expect((await pptx.json() as { contentType: string }).contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    const before = await rows(w.runId);
    const refused = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect((await res.json() as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
    };
    // A PDF's name on something else, a zip that is no office file, a form post.
    await refused(await upload(w.admin, w.runId, Buffer.from('MZ\x90\x00 bukan pdf'), { type: 'application/pdf', fileName: 'modul.pdf' }), 415, 'MATERIAL_TYPE_NOT_ALLOWED');
    await refused(await upload(w.admin, w.runId, ZIP, { fileName: 'materi.docx' }), 415, 'MATERIAL_TYPE_NOT_ALLOWED');
    await refused(await upload(w.admin, w.runId, PDF, { type: 'application/x-www-form-urlencoded' }), 415, 'MATERIAL_TYPE_NOT_ALLOWED');
    // 21 MB: over the 20 MB limit.
    await refused(await upload(w.admin, w.runId, Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]), { type: 'application/pdf' }), 413, 'MATERIAL_TOO_LARGE');
    // Someone who does not manage the workshop.
    await refused(await upload(w.otherAdmin, w.runId, PDF, { type: 'application/pdf' }), 403, 'FORBIDDEN');
    await refused(await upload(w.seated, w.runId, PDF, { type: 'application/pdf' }), 403, 'FORBIDDEN');
    expect(await rows(w.runId)).toBe(before);
  });

  it('adds https links, refuses other links, and removes materials', async () => {
    const w = await world();
    const id = (await w.admin.ok(ADD_LINK, { input: { runId: w.runId, title: 'Kanvas inovasi', url: 'https://materi.example.go.id/kanvas' } })).addRunMaterialLink;
    expect(await w.admin.errorCode(ADD_LINK, { input: { runId: w.runId, title: 'Lama', url: 'http://materi.example.go.id/lama' } })).toBe('INVALID_HTTPS_URL');
    expect(await w.admin.errorCode(ADD_LINK, { input: { runId: w.runId, title: 'Skrip', url: 'javascript:alert(1)' } })).toBe('INVALID_HTTPS_URL');
    expect((await w.seated.ok(MATERIALS, { id: w.runId })).courseRun.materials).toEqual([
      expect.objectContaining({ id, title: 'Kanvas inovasi', url: 'https://materi.example.go.id/kanvas', downloadUrl: null }),
    ]);
    expect((await w.waiting.ok(MATERIALS, { id: w.runId })).courseRun.materials[0].url).toBeNull();
    expect(await w.otherAdmin.errorCode(REMOVE, { id })).toBe('FORBIDDEN');
    expect((await w.admin.ok(REMOVE, { id })).removeRunMaterial).toBe(true);
    expect(await rows(w.runId)).toBe(0);
  });
});
