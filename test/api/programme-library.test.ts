import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, DevelopmentForm } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { seedProgramme, type ParticipantSpec } from '../kit/library-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * The shared-programme library on a database of its own: four shared programmes with different evidence, one
 * published but not shared, adoptions; every filter, every sort, paging and the statements a page costs.
 */

let app: TestApp;
let admin: GraphQLClient;
const ids: Record<'P' | 'Q' | 'R' | 'S' | 'U', string> = { P: '', Q: '', R: '', S: '', U: '' };
let partnerId = '';
let people: { learner: string; partnerAdmin: string; instructor: string; platform: string };

const LIBRARY = `query($filter: LibraryFilter, $sort: LibrarySort, $first: Int, $after: String) {
  sharedProgrammes(filter: $filter, sort: $sort, first: $first, after: $after) {
    nodes { id title owner { kind } adoptionCount adoptedFrom { id } origin { id } evidence { participants completionRate averageRating ratings cohorts { code completionRate } } }
    pageInfo { endCursor hasNextPage } totalCount } }`;

const who = (participants: number, completed: number, agency: ParticipantSpec['agency'], ratings: number[]): ParticipantSpec[] =>
  Array.from({ length: participants }, (_, i) => ({ agency, status: i < completed ? 'COMPLETED' : 'NOMINATED', rating: ratings[i], completedItems: i < completed ? [0] : [] }));

beforeAll(async () => {
  app = await startTestApp();
  const a = await app.seed.agencyWithStaff(0);
  const b = await app.seed.agencyWithStaff(0);
  const c = await app.seed.agencyWithStaff(0);
  const d = await app.seed.agencyWithStaff(0);
  const partner = await app.seed.partner({ name: 'Universitas Pelatihan' });
  partnerId = partner.id;
  const lecturer = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
  const learner = await app.seed.person({ agency: a.agency });
  const platform = await app.seed.person({ agency: a.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  people = { learner: learner.nip!, partnerAdmin: partnerAdmin.email!, instructor: lecturer.email!, platform: platform.nip! };

  const tech = await app.seed.course({ ownerAgency: a.agency, jp: 10, form: DevelopmentForm.TECHNICAL_TRAINING });
  const partnerCourse = await app.seed.course({ ownerPartner: partner, jp: 8 });
  const workshop = await app.seed.course({ ownerAgency: b.agency, jp: 6, kind: CourseKind.WORKSHOP, form: DevelopmentForm.WORKSHOP });
  ids.P = (await seedProgramme(app, {
    owner: { agency: a.agency }, items: [tech], title: 'Kepemimpinan Pengawas', tags: ['Kepemimpinan'], shared: true, sharedSecondsAgo: 30,
    cohorts: [{ participants: who(5, 3, a.agency, [4, 4]) }],
  })).id;
  ids.Q = (await seedProgramme(app, {
    owner: { partner }, items: [partnerCourse], title: 'Literasi Digital ASN', shared: true, sharedSecondsAgo: 20,
    cohorts: [{ participants: who(2, 2, c.agency, [5, 5]) }],
  })).id;
  ids.R = (await seedProgramme(app, {
    owner: { agency: b.agency }, items: [workshop], title: 'Pelayanan Publik Prima', description: 'Layanan digital yang ramah', tags: ['pelayanan'],
    shared: true, sharedSecondsAgo: 10, cohorts: [{ participants: who(5, 4, b.agency, [3]), instructors: [lecturer] }],
  })).id;
  ids.S = (await seedProgramme(app, { owner: { agency: c.agency }, items: [tech], title: 'Manajemen Arsip', shared: true, sharedSecondsAgo: 40 })).id;
  ids.U = (await seedProgramme(app, { owner: { agency: a.agency }, items: [tech], title: 'Arsip Digital Tertutup', cohorts: [{ participants: who(3, 3, a.agency, [5]) }] })).id;

  // Adoptions: R twice, P once (the copies are drafts, not in the library).
  await (await app.as(c.admin.nip!)).ok(`mutation($id: ID!) { adoptProgramme(programmeId: $id, code: "R-C") { id } }`, { id: ids.R });
  const dAdmin = await app.as(d.admin.nip!);
  await dAdmin.ok(`mutation($id: ID!) { adoptProgramme(programmeId: $id, code: "R-D") { id } }`, { id: ids.R });
  await dAdmin.ok(`mutation($id: ID!) { adoptProgramme(programmeId: $id, code: "P-D") { id } }`, { id: ids.P });
  admin = dAdmin;
});
afterAll(async () => {
  await app?.close();
});

const names = (page: { nodes: { id: string }[] }) => page.nodes.map((n) => (Object.keys(ids) as (keyof typeof ids)[]).find((k) => ids[k] === n.id));
async function list(variables: Record<string, unknown>) {
  return (await admin.ok(LIBRARY, variables)).sharedProgrammes;
}

describe('shared-programme library', () => {
  it('sorts by completion rate, rating, adoptions and recency, with the evidence on every card', async () => {
    const byCompletion = await list({});
    expect(names(byCompletion)).toEqual(['Q', 'R', 'P', 'S']);
    expect(byCompletion.totalCount).toBe(4);
    expect(byCompletion.nodes[1]).toMatchObject({ adoptionCount: 2, owner: { kind: 'AGENCY' }, evidence: { participants: 5, completionRate: 0.8, averageRating: 3, ratings: 1 } });
    expect(byCompletion.nodes[0].evidence).toMatchObject({ participants: 2, completionRate: 1, averageRating: 5, ratings: 2 });
    expect(byCompletion.nodes[3].evidence).toMatchObject({ participants: 0, completionRate: null, cohorts: [] });
    expect(names(await list({ sort: 'RATING' }))).toEqual(['Q', 'P', 'R', 'S']);
    const byAdoptions = names(await list({ sort: 'ADOPTIONS' }));
    expect(byAdoptions.slice(0, 2)).toEqual(['R', 'P']);
    expect(byAdoptions.slice(2).sort()).toEqual(['Q', 'S']);
    expect(names(await list({ sort: 'RECENT' }))).toEqual(['R', 'Q', 'P', 'S']);
  });

  it('pages with a keyset on the computed key', async () => {
    for (const sort of ['COMPLETION_RATE', 'RATING', 'ADOPTIONS', 'RECENT']) {
      const all = names(await list({ sort }));
      const walked: (string | undefined)[] = [];
      let after: string | null = null;
      // At most a page per programme (and one more): a cursor that repeats its row must not loop for ever.
      for (let pages = 0; pages <= all.length; pages++) {
        const page = await list({ sort, first: 1, after });
        walked.push(...names(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(walked).toEqual(all);
    }
    expect(await admin.errorCode(LIBRARY, { after: 'bm90LWEtY3Vyc29y' })).toBe('INVALID_CURSOR');
  });

  it('filters by evidence thresholds, owner kind, partner, form, competency and words', async () => {
    expect(names(await list({ filter: { minCompletionPercent: 80 } }))).toEqual(['Q', 'R']);
    expect(names(await list({ filter: { minCompletionPercent: 80, minParticipants: 5 } }))).toEqual(['R']);
    expect(names(await list({ filter: { minParticipants: 5 } }))).toEqual(['R', 'P']);
    expect(names(await list({ filter: { minAverageRating: 4 } }))).toEqual(['Q', 'P']);
    expect(names(await list({ filter: { ownerKind: 'PARTNER' } }))).toEqual(['Q']);
    expect(names(await list({ filter: { ownerKind: 'AGENCY' } }))).toEqual(['R', 'P', 'S']);
    // The partner's own programme, and one its lecturer teaches a cohort of.
    expect(names(await list({ filter: { partnerId } }))).toEqual(['Q', 'R']);
    expect(names(await list({ filter: { form: 'WORKSHOP' } }))).toEqual(['R']);
    expect(names(await list({ filter: { competency: 'kepemimpinan' } }))).toEqual(['P']);
    // Title or description; a misspelt word of a title still finds it; the unshared programme never shows.
    expect(names(await list({ filter: { search: 'digital' } }))).toEqual(['Q', 'R']);
    expect(names(await list({ filter: { search: 'Literasy' } }))).toEqual(['Q']);
    expect((await list({ filter: { search: 'Tertutup' } })).totalCount).toBe(0);
    expect(await admin.errorCode(LIBRARY, { filter: { minCompletionPercent: 101 } })).toBe('BAD_USER_INPUT');
  });

  it('is for agency and platform admins only', async () => {
    for (const login of [people.learner, people.partnerAdmin, people.instructor]) {
      expect(await (await app.as(login)).errorCode(LIBRARY, {})).toBe('FORBIDDEN');
    }
    expect(await app.anonymous().errorCode(LIBRARY, {})).toBe('UNAUTHENTICATED');
    expect(names((await (await app.as(people.platform)).ok(LIBRARY, {})).sharedProgrammes)).toEqual(['Q', 'R', 'P', 'S']);
  });

  it('costs the same few statements for a page of two as of four (evidence computed in the page’s statement)', async () => {
    const two = await app.countSql(() => list({ first: 2 }));
    const four = await app.countSql(() => list({ first: 4 }));
    expect(four.count).toBe(two.count);
    // The viewer, the page with its evidence and adoption counts, the total — never one per programme.
    expect(four.count).toBe(3);
    const withoutTotal = await app.countSql(() => admin.ok(`{ sharedProgrammes(first: 4) { nodes { id evidence { participants cohorts { code } } adoptionCount } } }`));
    expect(withoutTotal.count).toBe(2);
  });
});
