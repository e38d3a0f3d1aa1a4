/*
 * The authorization matrix's rows for the learning-hours record (the jp area): external activities (submit, read,
 * the verification queue, decisions), the supervisor's team and the agency view. Activities are written straight to
 * the tables for the person a scope names: own (the viewer), same (a colleague in agency A), report (the learner who
 * reports to the supervisor), other (a learner of agency B).
 */
import type { Built, Matrix, Scope } from './matrix-kit.js';
import { NotApplicable, type ViewerKind, type World } from './world.js';

const ALLOWED = 'ALLOWED';
const HIDDEN = 'HIDDEN';
const FORBIDDEN = 'FORBIDDEN';
const NOT_FOUND = 'NOT_FOUND';
/** An admin deciding their own claim is refused with its own code (external-activities.test.ts). */
const OWN_CLAIM = 'EXTERNAL_ACTIVITY_OWN' as typeof ALLOWED;

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

function personFor(w: World, viewer: ViewerKind, scope: Scope) {
  switch (scope) {
    case 'own':
      if (viewer === 'anonymous') throw new NotApplicable('anonymous callers own nothing');
      return w.person(viewer);
    case 'same': return w.colleagueA();
    case 'report': return w.learnerA();
    case 'other': return w.learnerB();
    default: throw new Error(`no person for scope ${scope}`);
  }
}

/** Evidence uploaded by a person and not used yet (a fresh one per call). */
async function evidenceOf(w: World, personId: string): Promise<string> {
  const [row] = await w.app.sql<{ id: string }>(
    `insert into external_activity_evidence (content, content_type, file_name, byte_size, sha256, uploaded_by_id)
     values ($1, 'application/pdf', 'bukti.pdf', $2, repeat('0', 64), $3) returning id`, [PDF, PDF.length, personId]);
  return row.id;
}

const activities = new WeakMap<World, Map<string, Promise<string>>>();
/** A pending activity of the person the scope names, submitted in their agency (one per world and person). */
function activityFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  let byPerson = activities.get(w);
  if (!byPerson) activities.set(w, byPerson = new Map());
  const make = async () => {
    const person = await personFor(w, viewer, scope);
    const [row] = await w.app.sql<{ id: string }>(
      `insert into external_activity (person_id, agency_id, title, form, organiser, starts_on, ends_on, jp, evidence_id)
       select p.id, p.agency_id, 'Seminar matriks', 'SEMINAR', 'Penyelenggara', current_date - 10, current_date - 9, 4, $2 from person p where p.id = $1
       returning id`, [person.id, await evidenceOf(w, person.id)]);
    return row.id;
  };
  return (async () => {
    const key = (await personFor(w, viewer, scope)).id;
    let p = byPerson.get(key);
    if (!p) byPerson.set(key, p = make());
    return p;
  })();
}

/** A VERIFIED activity of the person the scope names (a fresh one per call: issuing its certificate is once). */
async function verifiedActivityFor(w: World, viewer: ViewerKind, scope: Scope): Promise<Built> {
  const person = await personFor(w, viewer, scope);
  const [row] = await w.app.sql<{ id: string }>(
    `insert into external_activity (person_id, agency_id, title, form, organiser, starts_on, ends_on, jp, evidence_id, status, decided_at)
     select p.id, p.agency_id, 'Seminar matriks', 'SEMINAR', 'Penyelenggara', current_date - 10, current_date - 9, 4, $2, 'VERIFIED', now()
       from person p where p.id = $1 returning id`, [person.id, await evidenceOf(w, person.id)]);
  return { variables: { id: row.id } };
}

const byActivity = async (w: World, v: ViewerKind, s: Scope): Promise<Built> => ({ variables: { id: await activityFor(w, v, s) } });
const nodesHave = (pick: (data: any) => { nodes: { id?: string; personId?: string }[] }) => (data: any, id: string) =>
  pick(data).nodes.some((n) => n.id === id || n.personId === id);

/** Who decides a pending activity: its agency's admins and platform admins, never on their own claim. */
const DECIDE = {
  learner: FORBIDDEN, supervisor: FORBIDDEN, instructor: FORBIDDEN, partnerAdmin: FORBIDDEN,
  agencyAdmin: { own: OWN_CLAIM, other: NOT_FOUND, '*': ALLOWED },
  otherAgencyAdmin: { own: OWN_CLAIM, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: { own: OWN_CLAIM, '*': ALLOWED },
} as const;
const DECIDE_SCOPES = ['own', 'same', 'report', 'other'] as const;

export const LEARNING_MATRIX: Matrix = {
  submitExternalActivity: {
    kind: 'mutation', document: `mutation($input: ExternalActivityInput!) { submitExternalActivity(input: $input) { id } }`, scopes: ['none'],
    build: async (w, v) => ({ variables: { input: {
      title: 'Seminar matriks', form: 'SEMINAR', organiser: 'Penyelenggara', startsOn: '2025-01-10', endsOn: '2025-01-11', jp: 4,
      evidenceId: v === 'anonymous' ? '00000000-0000-4000-8000-000000000000' : await evidenceOf(w, (await w.person(v)).id),
    } } }),
    // Civil servants (learners) submit; partner staff are no learners.
    expect: { instructor: FORBIDDEN, partnerAdmin: FORBIDDEN, '*': ALLOWED },
  },
  myExternalActivities: {
    kind: 'query', document: `{ myExternalActivities(first: 100) { nodes { id } } }`, scopes: ['own'],
    build: async (w, v, s) => ({ variables: {}, subject: await activityFor(w, v, s) }),
    listed: nodesHave((d) => d.myExternalActivities),
    expect: { instructor: FORBIDDEN, partnerAdmin: FORBIDDEN, '*': ALLOWED },
  },
  externalActivity: {
    kind: 'query', document: `query($id: ID!) { externalActivity(id: $id) { id } }`, scopes: DECIDE_SCOPES, build: byActivity,
    // The submitter, the admins of the agency it was submitted in, platform admins; supervisors do not verify.
    expect: {
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND }, supervisor: { own: ALLOWED, '*': NOT_FOUND },
      instructor: { own: ALLOWED, '*': NOT_FOUND }, partnerAdmin: { own: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED }, otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  externalActivityQueue: {
    kind: 'query', document: `{ externalActivityQueue(first: 100) { nodes { id } } }`, scopes: ['same', 'other'],
    build: async (w, v, s) => ({ variables: {}, subject: await activityFor(w, v, s) }),
    listed: nodesHave((d) => d.externalActivityQueue),
    expect: {
      learner: FORBIDDEN, supervisor: FORBIDDEN, instructor: FORBIDDEN, partnerAdmin: FORBIDDEN,
      agencyAdmin: { same: ALLOWED, other: HIDDEN }, otherAgencyAdmin: { same: HIDDEN, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  issueExternalActivityCertificate: {
    kind: 'mutation', document: `mutation($id: ID!) { issueExternalActivityCertificate(activityId: $id) { id serial } }`,
    scopes: ['own', 'same', 'other'], build: verifiedActivityFor,
    // The admins of the person's agency (never for a holder with a role beyond what they could grant: an agency admin's
    // own claim is another admin's to certify) and platform admins; others do not see the activity.
    expect: {
      learner: FORBIDDEN, supervisor: FORBIDDEN, instructor: FORBIDDEN, partnerAdmin: FORBIDDEN,
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED }, otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  verifyExternalActivity: {
    kind: 'mutation', document: `mutation($id: ID!) { verifyExternalActivity(id: $id) { id status } }`, scopes: DECIDE_SCOPES, build: byActivity, expect: DECIDE,
    writesWhenMailed: true,
  },
  rejectExternalActivity: {
    kind: 'mutation', document: `mutation($id: ID!) { rejectExternalActivity(id: $id, reason: "Matriks") { id status } }`, scopes: DECIDE_SCOPES, build: byActivity,
    expect: DECIDE, writesWhenMailed: true,
  },
  decideExternalActivities: {
    kind: 'mutation', document: `mutation($id: ID!) { decideExternalActivities(input: { ids: [$id], decision: VERIFY }) { id status } }`,
    scopes: DECIDE_SCOPES, build: byActivity, expect: DECIDE, writesWhenMailed: true,
  },
  myTeamLearningHours: {
    kind: 'query', document: `{ myTeamLearningHours(first: 100) { nodes { personId } } }`, scopes: ['report'],
    build: async (w) => ({ variables: {}, subject: (await w.learnerA()).id }),
    listed: nodesHave((d) => d.myTeamLearningHours),
    // Only people with direct reports; in the world that is the supervisor alone.
    expect: { supervisor: ALLOWED, '*': FORBIDDEN },
  },
  agencyLearningHours: {
    kind: 'query', document: `query($agencyId: ID) { agencyLearningHours(agencyId: $agencyId, first: 100) { people { nodes { personId } } } }`,
    scopes: ['same', 'other'],
    build: async (w, _v, s) => ({
      variables: { agencyId: (s === 'same' ? await w.agencyA() : await w.agencyB()).id },
      subject: (s === 'same' ? await w.colleagueA() : await w.learnerB()).id,
    }),
    listed: nodesHave((d) => d.agencyLearningHours.people),
    expect: {
      learner: FORBIDDEN, supervisor: FORBIDDEN, instructor: FORBIDDEN, partnerAdmin: FORBIDDEN,
      agencyAdmin: { same: ALLOWED, other: NOT_FOUND }, otherAgencyAdmin: { same: NOT_FOUND, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
};
