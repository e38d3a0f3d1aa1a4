import { graphqlRequest } from '../../app/graphql-request';
import { graphql } from '../../gql/__generated__';
import type { LearnerHomeQuery } from '../../gql/__generated__/graphql';

/**
 * The learner's home page in one query. Sent by the app through Apollo (routes/home.tsx) and, on a first visit
 * to the home page, by the entry with plain fetch next to the session question (app/HomeStart.tsx): the page
 * draws before Apollo arrives, and its answer goes into Apollo's cache so it is not asked twice.
 */
export const LearnerHomeDocument = graphql(`
  query LearnerHome {
    learnerHome {
      year
      jp
      targetJp
      remainingJp
      progress
      minutesPerJp
      pendingApprovalsCount
      pendingEnrolments {
        id
        ...EnrolmentCard_enrolment
      }
      activeEnrolments {
        id
        ...EnrolmentCard_enrolment
      }
      upcoming {
        id
        ...EnrolmentCard_enrolment
      }
      awaitingResult {
        id
        ...EnrolmentCard_enrolment
      }
      recommended {
        course {
          id
        }
        ...RecommendationCard_recommendation
      }
    }
  }
`);

export type LearnerHomeData = LearnerHomeQuery['learnerHome'];

/** The learner's home with plain fetch; null when it cannot be had now (signed out, not a learner, offline). */
export function fetchLearnerHome(): Promise<LearnerHomeQuery | null> {
  return graphqlRequest(LearnerHomeDocument).catch(() => null);
}
