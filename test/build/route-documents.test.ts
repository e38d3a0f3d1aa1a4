import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Each route's chunk carries only its own GraphQL documents (client/build/graphql-documents.ts inlines every
 * `graphql()` document in the module that declares it, and a module that declares several operations is only shared
 * by routes that use them all). For every route of the built client: the operations in what the route adds to a visit
 * (its chunk and its static imports, less what the entry and the signed-in shell already loaded) are exactly the ones
 * its screen runs. A document that leaks into another route, or a route whose documents moved into the entry or the
 * shell, fails here. Needs `pnpm build` (`pnpm test` builds first).
 */
const dist = fileURLToPath(new URL('../../client/dist/', import.meta.url));
const SIGN_IN_APP = 'src/app/SignInApp.tsx';
/** What every signed-in screen finds loaded already: the app (router, Apollo) and the shell. */
const SIGNED_IN_APP = ['src/app/App.tsx', 'src/features/shell/AppLayout.tsx'];

export const ROUTE_OPERATIONS: Record<string, string[]> = {
  // Sign-in and saving the language chosen before it; whether the session ended comes with the entry's BootSession.
  'sign-in': ['SaveLanguageAfterSignIn', 'SignIn'],
  home: ['LearnerHome'],
  catalogue: ['Catalogue', 'CatalogueFacets'],
  'course-detail': ['CourseDetail', 'Enrol', 'WithdrawEnrolment'],
  'my-enrolments': ['MyEnrolments', 'WithdrawEnrolment'],
  approvals: ['ApprovalsInbox', 'ApproveCohortApplication', 'ApproveEnrolment', 'CohortApplications', 'RejectCohortApplication', 'RejectEnrolment'],
  teaching: ['TeachingRuns'],
  'teaching-course': ['CompleteEnrolment', 'FailEnrolment', 'RunAttendanceSessions', 'TeachingRoster'],
  'attendance-sheet': ['AttendanceSheet', 'MarkAllPresent', 'RecordAttendance'],
  'check-in-qr': ['SessionCheckIn'],
  'check-in': ['CheckIn'],
  'change-password': ['ChangeMyPassword'],
  account: ['CreateMyCalendarFeed', 'MyCalendarFeed', 'RevokeMyCalendarFeed', 'SetMyTimeZone'],
  'admin-people': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'AdminPeople', 'CreatePerson', 'OrgUnitChoices', 'PersonChoices', 'ResetPersonPassword', 'SetPersonActive', 'UpdatePerson'],
  'admin-org-units': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'AdminOrgUnits', 'CreateOrgUnit', 'DeleteOrgUnit', 'MoveOrgUnit', 'RenameOrgUnit'],
  'admin-courses': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'AdminCourses', 'ArchiveCourse', 'PublishCourse'],
  'admin-course-edit': ['AdminCourse', 'AdminCourseRuns', 'AgencySearch', 'ArchiveCourse', 'AssignableInstructorChoices', 'CancelCourseRun', 'CourseFormChoices', 'CreateCourse', 'CreateCourseRun', 'PublishCourse', 'UpdateCourse', 'UpdateCourseRun'],
  'admin-workshop-run': ['AddRunMaterialLink', 'AddRunSession', 'AdminWorkshopRun', 'CancelRunSession', 'RemoveRunMaterial', 'UpdateRunSession'],
  'admin-series': ['AdminWorkshopSeries', 'AssignableInstructorChoices', 'CancelSeriesOccurrence', 'CreateRunSeries', 'SeriesOccurrences', 'UpdateRunSeries'],
  'admin-roles': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'AdminRoles', 'GrantRole', 'PersonChoices', 'RevokeRole'],
  'platform-agencies': ['CreateAgency', 'GrantRole', 'PersonChoices', 'PlatformAgencies', 'SetAgencyActive', 'UpdateAgency'],
  'not-found': [],
  // The signed-out password pages send their one mutation over plain fetch (no Apollo document).
  'forgot-password': [],
  'reset-password': [],
  'platform-failed-jobs': ['FailedJobs', 'RetryFailedJob'],
  agreements: ['Agreements'],
  'agreement-detail': ['Agreement', 'AgreementPartnerChoices', 'AgencySearch', 'CreateAgreement', 'UpdateAgreement'],
  // Signed out, like the password pages: the invitee's preview and acceptance go over plain fetch.
  'accept-invitation': [],
  'platform-partners': ['CreatePartnerInstitution', 'PlatformPartners', 'UpdatePartnerInstitution'],
  'programme-path': ['ApplyToCohort', 'CohortApply', 'PathProgramme', 'RateProgramme', 'WithdrawMyCohortPlace'],
  'my-programmes': ['MyProgrammes'],
  'partner-staff': [
    'AppointPartnerAdmin', 'CreatePartnerInstitution', 'InvitePartnerStaff', 'PartnerInvitations', 'PartnerProfile', 'PartnerStaff', 'RemovePartnerAdmin',
    'ResendPartnerInvitation', 'RevokePartnerInvitation', 'SetPartnerStaffActive', 'UpdatePartnerInstitution', 'UpdatePartnerStaff',
  ],
  'admin-programmes': ['CreateProgramme', 'ManagedProgrammes'],
  'admin-programme': [
    'ArchiveProgramme', 'BuildProgramme', 'ProgrammeCourseChoices', 'ProgrammeSharing', 'PublishProgramme', 'SetProgrammePath', 'ShareProgramme',
    'UnshareProgramme', 'UpdateProgramme',
  ],
  'admin-programme-cohort': [
    'AssignableInstructorChoices', 'BuildCohort', 'BuildCohortProgramme', 'CancelProgrammeCohort', 'CohortAgencySearch', 'CreateProgrammeCohort', 'SetCohortQuota',
    'UpdateProgrammeCohort',
  ],
  'admin-cohort-participants': [
    'NominateByCsv', 'NominateParticipants', 'NominationCandidates', 'NominationCohort', 'PreviewNominationCsv', 'ReleaseCohortSeats',
    'ReplaceParticipant', 'WithdrawCohortParticipant',
  ],
  'teaching-cohort': ['CohortRoster'],
  'programme-library': ['LibraryPartners', 'SharedProgrammes'],
  'programme-library-detail': ['AdoptProgramme', 'JoinCohort', 'LibraryProgramme', 'ProgrammeSharing', 'ShareProgramme', 'UnshareProgramme'],
  'my-learning-hours': ['MyLearningYear'],
  'my-external-activities': ['MyExternalActivities', 'SubmitExternalActivity'],
  'team-learning-hours': ['TeamLearningHours'],
  'admin-learning-hours': ['AgencyLearningHours'],
  'admin-external-activities': ['DecideExternalActivities', 'ExternalActivityQueue', 'IssueExternalActivityCertificate'],
  'admin-learning-rules': ['CreateLearningRuleSet', 'LearningRuleSets'],
  'admin-learning-export': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'MyLearningExports', 'RequestAgencyLearningExport'],
  'my-certificates': ['MyCertificates'],
  'admin-certificates': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'AdminCertificates', 'PdfRenderProgress', 'ReissueCertificate', 'RerunFailedRenders', 'RevokeCertificate'],
  'admin-signers': ['AdminAgencyChoices', 'AdminAgencyCurrent', 'CertificateSigners', 'CreateCertificateSigner', 'DeleteCertificateSigner', 'UpdateCertificateSigner'],
  // Public: the page asks over plain fetch, also when reached inside the app (a first visit loads it alone: main.tsx).
  'verify-certificate': ['VerifyCertificate'],
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function manifest(): Record<string, ManifestChunk> {
  const path = join(dist, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error('client/dist/.vite/manifest.json is missing: run `pnpm build` first');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

function closure(chunks: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    if (!chunks[key]) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    stack.push(...(chunks[key].imports ?? []));
  }
  return new Set([...seen].map((k) => chunks[k].file).filter((f) => f.endsWith('.js')));
}

/** Operation names of the documents the build inlined in these files. */
function operations(files: Iterable<string>): string[] {
  const names = new Set<string>();
  const pattern = /OperationDefinition[`"'],operation:[`"'](?:query|mutation|subscription)[`"'],name:\{kind:[`"']Name[`"'],value:[`"'](\w+)/g;
  for (const f of files) for (const m of readFileSync(join(dist, f), 'utf8').matchAll(pattern)) names.add(m[1]);
  return [...names].sort();
}

describe("each route's documents", () => {
  const chunks = manifest();
  const entry = Object.keys(chunks).find((k) => chunks[k].isEntry)!;
  // A first visit to /masuk renders the sign-in page alone (SignInApp: no router, no Apollo), so its route
  // module is part of that chunk; every other screen is a route chunk of the signed-in app (App.tsx).
  const moduleOf = (route: string) => (route === 'sign-in' ? SIGN_IN_APP : `src/routes/${route}.tsx`);
  const routes = Object.keys(chunks).filter((k) => /^src\/routes\/[\w-]+\.tsx$/.test(k));

  it('every route of the build is listed', () => {
    expect(['sign-in', ...routes.map((k) => k.slice('src/routes/'.length, -'.tsx'.length))].sort()).toEqual(Object.keys(ROUTE_OPERATIONS).sort());
  });

  for (const [route, expected] of Object.entries(ROUTE_OPERATIONS)) {
    it(`${route} adds exactly its own operations`, () => {
      const already = closure(chunks, [entry, ...(route === 'sign-in' ? [] : SIGNED_IN_APP)]);
      const added = [...closure(chunks, [moduleOf(route)])].filter((f) => !already.has(f));
      expect(operations(added)).toEqual([...expected].sort());
    });
  }

  it('no document of a screen behind sign-in ships with the sign-in page', () => {
    const signIn = operations(closure(chunks, [entry, SIGN_IN_APP]));
    const elsewhere = new Set(Object.entries(ROUTE_OPERATIONS).filter(([r]) => r !== 'sign-in').flatMap(([, ops]) => ops));
    expect(signIn.filter((op) => elsewhere.has(op))).toEqual([]);
  });
});
