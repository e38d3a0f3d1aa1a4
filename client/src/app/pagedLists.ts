import type { FieldPolicy, Reference, TypePolicies } from '@apollo/client/cache';
import { isReference } from '@apollo/client/utilities';

/** What the server answers for every paginated list (`…Page`): a page of nodes and where the next one starts. */
interface StoredPage {
  nodes: readonly unknown[];
  pageInfo?: unknown;
  totalCount?: number;
}

/**
 * One paginated list field in the cache: one entry per set of arguments except the cursor (`after`), holding
 * every page loaded so far. A page asked for with `after` is appended to it (nodes already there are not repeated);
 * a page without `after` (the first load, a refetch, a mutation's refetchQueries) starts the list again, so what
 * the screen shows is never older than what the server just said. `first` stays part of the key: a 10-row picker
 * and a 25-row table of the same list are two lists.
 */
function pagedField(): FieldPolicy<StoredPage> {
  return {
    keyArgs: (args) => (args ? Object.keys(args).filter((name) => name !== 'after').sort() : false),
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      const known = new Set(existing.nodes.filter(isReference).map((n: Reference) => n.__ref));
      const fresh = incoming.nodes.filter((n) => !(isReference(n) && known.has(n.__ref)));
      return { ...incoming, nodes: [...existing.nodes, ...fresh] };
    },
  };
}

/**
 * Every paginated list the client reads, by parent type and field. The screens only call `loadMore()`
 * (`usePagedList`); how pages join is decided here once. test `client/src/app/pagedLists.test.ts` fails when the
 * schema gains a paginated field that is missing here.
 */
export const PAGED_FIELDS = {
  Query: ['adminCertificates', 'agencies', 'agreements', 'approvalsInbox', 'assignableInstructors', 'catalogue', 'cohortApplications', 'courseRoster', 'externalActivityQueue', 'failedJobs', 'learningRecords', 'learningRuleSets', 'manageableCourses', 'managedProgrammes', 'myCertificates', 'myEnrolments', 'myExternalActivities', 'myLearningExports', 'myProgrammes', 'myTeamLearningHours', 'partnerInstitutions', 'partnerInvitations', 'partnerStaff', 'people', 'programmeCatalogue', 'runSeriesOfCourse', 'sharedProgrammes', 'teachingRuns'],
  // A course's runs: the course page (open ones) and its admin page (all of them) are two lists.
  Course: ['runs'],
  // A forum series' occurrences (the series screen).
  RunSeries: ['occurrences'],
  // Who adopted a programme (the owner's Adopsi list).
  Programme: ['adoptions'],
  // A cohort's participants (nominations screen, instructor's roster, the learner's own row).
  ProgrammeCohort: ['participants'],
} as const satisfies Record<string, readonly string[]>;

export const pagedListPolicies: TypePolicies = Object.fromEntries(
  Object.entries(PAGED_FIELDS).map(([type, fields]) => [type, { fields: Object.fromEntries(fields.map((f) => [f, pagedField()])) }]),
);
