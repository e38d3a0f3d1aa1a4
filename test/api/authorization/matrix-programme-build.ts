/*
 * The authorization matrix's rows for building programmes, cohorts and quotas (the build area), and the world
 * builders other programme rows reuse: `programmeFor` / `cohortFor` name the programme or cohort a scope means
 * (own: the viewer's owner's; same: agency A's; other: agency B's; partner: partner P's).
 */
import type { Built, Matrix, Scope } from './matrix-kit.js';
import type { Owner, SeededCohort, SeededProgramme, ViewerKind, World } from './world.js';

const ALLOWED = 'ALLOWED';
const FORBIDDEN = 'FORBIDDEN';
const NOT_FOUND = 'NOT_FOUND';

/** @public The owner a scope names (as the course rows read it); for other areas' programme rows. */
export function programmeOwnerFor(w: World, viewer: ViewerKind, scope: Scope): Owner {
  switch (scope) {
    case 'own': return w.ownCourseOwner(viewer);
    case 'same': return 'A';
    case 'other': return 'B';
    case 'partner': return 'P';
    default: throw new Error(`no programme for scope ${scope}`);
  }
}

/** @public The scope's published programme (one required item: the owner's open course); other areas' rows reuse it. */
export const programmeFor = (w: World, viewer: ViewerKind, scope: Scope, status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED'): Promise<SeededProgramme> =>
  w.programme(programmeOwnerFor(w, viewer, scope), status);

/** @public A scheduled cohort of the scope's programme with its item run and a quota for the owner's agency (A for P's). */
export const cohortFor = (w: World, viewer: ViewerKind, scope: Scope, quotas?: readonly ('A' | 'B')[]): Promise<SeededCohort> =>
  w.cohort(programmeOwnerFor(w, viewer, scope), quotas);

const PROGRAMME_SCOPES = ['own', 'same', 'other', 'partner'] as const;

/**
 * Reading a published programme: its managers, and the people of its owner agency (a partner's programme: its
 * admins only, till a cohort gives an agency a quota). Others: NOT_FOUND.
 */
const VIEW_PROGRAMME = {
  learner: { same: ALLOWED, '*': NOT_FOUND },
  supervisor: { same: ALLOWED, '*': NOT_FOUND },
  instructor: NOT_FOUND,
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': NOT_FOUND },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

const HIDDEN = 'HIDDEN';
/** Role-gated operations: viewers holding none of the builders' roles are refused before any object is read. */
const NOT_BUILDERS = { learner: FORBIDDEN, supervisor: FORBIDDEN, instructor: FORBIDDEN } as const;

/**
 * Changing a programme: its owner's admins and platform admins. The world's programmes have no participating
 * agency, so to any other admin they do not exist (NOT_FOUND).
 */
const MANAGE_PROGRAMME = {
  ...NOT_BUILDERS,
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': NOT_FOUND },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

/**
 * Changing a cohort: as its programme. The world's cohort of P's programme gives agency A a quota, so A's admin
 * sees that programme (FORBIDDEN, not NOT_FOUND).
 */
const MANAGE_COHORT = {
  ...MANAGE_PROGRAMME,
  agencyAdmin: { own: ALLOWED, same: ALLOWED, partner: FORBIDDEN, '*': NOT_FOUND },
} as const;

/** Reading a cohort: whoever may open its programme (A's people see P's programme once A holds a quota in it). */
const VIEW_COHORT = {
  learner: { same: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  supervisor: { same: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  instructor: NOT_FOUND,
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

/** The managers' list: one's own owner's programmes are listed, others' are not (HIDDEN). */
const LIST_MANAGED = {
  ...NOT_BUILDERS,
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': HIDDEN },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': HIDDEN },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': HIDDEN },
  platformAdmin: ALLOWED,
} as const;

let unique = 0;
const next = () => `${process.pid}${++unique}`;
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const byId = (find: (w: World, viewer: ViewerKind, scope: Scope) => Promise<{ id: string }>, extra: Record<string, unknown> = {}) =>
  async (w: World, viewer: ViewerKind, scope: Scope): Promise<Built> => ({ variables: { id: (await find(w, viewer, scope)).id, ...extra } });

export const PROGRAMME_BUILD_MATRIX: Matrix = {
  programme: {
    kind: 'query', document: `query($id: ID!) { programme(id: $id) { id items { id course { id } } groups { id } cohorts { id quotas { id } } } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => programmeFor(w, v, s)), expect: VIEW_PROGRAMME,
  },
  managedProgrammes: {
    kind: 'query', document: `query { managedProgrammes(first: 100) { nodes { id } } }`, scopes: PROGRAMME_SCOPES,
    build: async (w, v, s) => ({ variables: {}, subject: (await programmeFor(w, v, s)).id }),
    listed: (data, id) => data.managedProgrammes.nodes.some((p: { id: string }) => p.id === id),
    expect: LIST_MANAGED,
  },
  programmeCourseChoices: {
    kind: 'query', document: `query($id: ID!) { programmeCourseChoices(programmeId: $id) { id } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => programmeFor(w, v, s)), expect: MANAGE_PROGRAMME,
  },
  cohort: {
    kind: 'query', document: `query($id: ID!) { cohort(id: $id) { id itemRuns { id run { id } } quotas { seats } } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => cohortFor(w, v, s)), expect: VIEW_COHORT,
  },
  createProgramme: {
    // Owned by the viewer's one agency or partner; `other` names an owner the viewer does not administer.
    kind: 'mutation', document: `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, scopes: ['own', 'other'],
    build: async (w, v, s) => {
      const input: Record<string, unknown> = { code: `PRG-${next()}`, title: 'Program Baru' };
      if (s === 'other') input.ownerAgencyId = (v === 'otherAgencyAdmin' ? await w.agencyA() : await w.agencyB()).id;
      else if (v === 'platformAdmin') input.ownerAgencyId = (await w.agencyA()).id;
      else w.ownCourseOwner(v);
      return { variables: { input } };
    },
    expect: {
      ...NOT_BUILDERS,
      partnerAdmin: { own: ALLOWED, other: FORBIDDEN },
      agencyAdmin: { own: ALLOWED, other: FORBIDDEN },
      otherAgencyAdmin: { own: ALLOWED, other: FORBIDDEN },
      platformAdmin: ALLOWED,
    },
  },
  updateProgramme: {
    kind: 'mutation', document: `mutation($id: ID!) { updateProgramme(id: $id, input: { title: "Judul Baru" }) { id } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => programmeFor(w, v, s, 'DRAFT')), expect: MANAGE_PROGRAMME,
  },
  setProgrammePath: {
    kind: 'mutation', document: `mutation($id: ID!, $courseId: ID!) { setProgrammePath(id: $id, input: { completionRule: IN_ORDER, items: [{ courseId: $courseId }] }) { id } }`,
    scopes: PROGRAMME_SCOPES,
    build: async (w, v, s) => {
      const programme = await programmeFor(w, v, s, 'DRAFT');
      return { variables: { id: programme.id, courseId: programme.courseId } };
    },
    expect: MANAGE_PROGRAMME,
  },
  publishProgramme: {
    kind: 'mutation', document: `mutation($id: ID!) { publishProgramme(id: $id) { id } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => programmeFor(w, v, s, 'DRAFT')), expect: MANAGE_PROGRAMME,
  },
  archiveProgramme: {
    kind: 'mutation', document: `mutation($id: ID!) { archiveProgramme(id: $id) { id } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => programmeFor(w, v, s)), expect: MANAGE_PROGRAMME,
  },
  createProgrammeCohort: {
    kind: 'mutation', document: `mutation($input: CreateProgrammeCohortInput!) { createProgrammeCohort(input: $input) { id } }`,
    scopes: PROGRAMME_SCOPES,
    build: async (w, v, s) => ({ variables: { input: {
      programmeId: (await programmeFor(w, v, s)).id, code: `K-${next()}`, startsAt: inDays(30), endsAt: inDays(40), capacity: 20,
    } } }),
    expect: MANAGE_PROGRAMME,
  },
  updateProgrammeCohort: {
    kind: 'mutation', document: `mutation($id: ID!) { updateProgrammeCohort(id: $id, input: { costPerParticipant: 1500000, offersSeats: true }) { id } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => cohortFor(w, v, s)), expect: MANAGE_COHORT,
  },
  cancelProgrammeCohort: {
    kind: 'mutation', document: `mutation($id: ID!) { cancelProgrammeCohort(id: $id, reason: "Anggaran dialihkan") { id } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => cohortFor(w, v, s)), expect: MANAGE_COHORT,
  },
  setCohortQuota: {
    kind: 'mutation', document: `mutation($id: ID!, $agencyId: ID!) { setCohortQuota(cohortId: $id, agencyId: $agencyId, seats: 2) { id } }`,
    scopes: PROGRAMME_SCOPES,
    build: async (w, v, s) => ({ variables: { id: (await cohortFor(w, v, s)).id, agencyId: (await w.agencyB()).id } }),
    expect: MANAGE_COHORT,
  },
};
