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

/** The owner a scope names (as the course rows read it). */
export function programmeOwnerFor(w: World, viewer: ViewerKind, scope: Scope): Owner {
  switch (scope) {
    case 'own': return w.ownCourseOwner(viewer);
    case 'same': return 'A';
    case 'other': return 'B';
    case 'partner': return 'P';
    default: throw new Error(`no programme for scope ${scope}`);
  }
}

/** The scope's published programme (one required item: the owner's open course). */
export const programmeFor = (w: World, viewer: ViewerKind, scope: Scope, status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED'): Promise<SeededProgramme> =>
  w.programme(programmeOwnerFor(w, viewer, scope), status);

/** A scheduled cohort of the scope's programme with its item run and a quota for the owner's agency (A for P's). */
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

const byId = (find: (w: World, viewer: ViewerKind, scope: Scope) => Promise<{ id: string }>) =>
  async (w: World, viewer: ViewerKind, scope: Scope): Promise<Built> => ({ variables: { id: (await find(w, viewer, scope)).id } });

export const PROGRAMME_BUILD_MATRIX: Matrix = {
  programme: {
    kind: 'query', document: `query($id: ID!) { programme(id: $id) { id items { id course { id } } groups { id } cohorts { id quotas { id } } } }`,
    scopes: PROGRAMME_SCOPES, build: byId((w, v, s) => programmeFor(w, v, s)), expect: VIEW_PROGRAMME,
  },
};

void FORBIDDEN;
