import { graphql } from '../../gql/__generated__';

/** What the enrol panel and the status sentence need to know about one enrolment. */
export const EnrolmentState_enrolment = graphql(`
  fragment EnrolmentState_enrolment on Enrolment {
    id
    status
    requestedAt
    approverName
    decidedByName
    decidedAt
    decisionNote
    waitlistPosition
    finishedAt
    creditedMinutes
    course {
      id
      jp
      delivery
    }
    run {
      id
      code
      startsAt
      endsAt
    }
  }
`);
