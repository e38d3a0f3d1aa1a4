/*
 * Programmes (program pengembangan): paths of courses and workshops, cohorts that run them for several agencies with
 * per-agency seat quotas, nominations and applications, the learner's path, and the shared library with evidence and
 * adoption. ARCHITECTURE.md "Programmes" describes how they sit on runs, enrolments and the ledger.
 */
export { composeCohortDecisionMail } from './nomination-decision.mail.js';

import { ProgrammeBuildFieldsResolver, ProgrammeBuildResolver, ProgrammeCohortBuildResolver } from './build.resolver.js';
import { ProgrammeCohortResolver, ProgrammeItemResolver, ProgrammeResolver } from './programme.resolver.js';
import { CohortParticipantNominationResolver, CohortParticipantsResolver, NominationResolver } from './nomination.resolver.js';
import { onEnrolmentOutcomesChanged } from '../enrolment/index.js';
import { evaluateProgrammeCompletion } from './path.completion.js';
export { onProgrammeCompletionsChanged } from './path.completion.js';
import { PathCohortResolver, PathParticipantResolver, PathProgrammeResolver, PathResolver, ProgrammeParticipationResolver } from './path.resolver.js';

// A participant completes when the items of the path do: evaluated in the transaction that completes an item.
onEnrolmentOutcomesChanged(evaluateProgrammeCompletion);
import { LibraryCohortResolver, LibraryResolver, ProgrammeAdoptionResolver } from './library.resolver.js';

/** Every resolver of the module; each area adds its own classes here (one line each). */
export const programmeResolvers = [
  ProgrammeResolver, ProgrammeItemResolver, ProgrammeCohortResolver,
  ProgrammeBuildResolver, ProgrammeCohortBuildResolver, ProgrammeBuildFieldsResolver,
  NominationResolver, CohortParticipantsResolver, CohortParticipantNominationResolver,
  PathResolver, ProgrammeParticipationResolver, PathProgrammeResolver, PathCohortResolver, PathParticipantResolver,
  LibraryResolver, ProgrammeAdoptionResolver, LibraryCohortResolver,
] as const;
