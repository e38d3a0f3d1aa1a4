import { sql, type RawBuilder } from 'kysely';
import { LearningRecordStatus, LearningSource } from '../learning-hours/index.js';
import { CohortStatus, ParticipantStatus } from './programme.entity.js';
import type { ProgrammeRow } from './programme.sql.js';
import type { EvidenceCohort, ProgrammeEvidence } from './library.types.js';

/*
 * The evidence of programmes in SQL: one lateral aggregate per programme (alias `p`), so a page of the library and
 * a batch of `Programme.evidence` each cost one statement whatever the number of programmes, cohorts or people.
 *
 * - Over the cohorts that have ended (ends_at passed) and were not cancelled.
 * - Participants: NOMINATED or COMPLETED at the end (withdrawn, rejected, replaced and pending requests are not).
 * - JP delivered: the standing ledger lines (CREDITED, and REVOKED pairs that net to zero) of those participants'
 *   enrolments in the cohort's item runs, from course completion or workshop attendance. A programme adds no JP
 *   line of its own (ARCHITECTURE.md "Programmes"), so nothing counts twice.
 * - Cost: Σ the cohort's cost per participant × its participants.
 */

const COUNTED = sql.join([ParticipantStatus.NOMINATED, ParticipantStatus.COMPLETED].map((s) => sql.lit(s)));
const ITEM_SOURCES = sql.join([LearningSource.COURSE_RUN_COMPLETION, LearningSource.WORKSHOP_ATTENDANCE].map((s) => sql.lit(s)));
const STANDING = sql.join([LearningRecordStatus.CREDITED, LearningRecordStatus.REVOKED].map((s) => sql.lit(s)));
const ENDED = sql`ec.status <> ${sql.lit(CohortStatus.CANCELLED)} and ec.ends_at <= now()`;

/** Per ended cohort of `p`: its figures. */
const cohortFigures = sql`
  select ec.id, ec.code, ec.starts_at, ec.ends_at, ec.cost_per_participant::float8 as cost,
         count(cp.id)::int as participants,
         (count(cp.id) filter (where cp.status = ${sql.lit(ParticipantStatus.COMPLETED)}))::int as completed,
         count(distinct cp.agency_id)::int as agencies,
         -- Ratings of those who completed: a participant whose completion was taken back (a corrected workshop) keeps
         -- the rating stored, but it counts again only once they complete again.
         (count(cp.rating) filter (where cp.status = ${sql.lit(ParticipantStatus.COMPLETED)}))::int as ratings,
         coalesce(sum(cp.rating) filter (where cp.status = ${sql.lit(ParticipantStatus.COMPLETED)}), 0)::int as rating_sum,
         (select coalesce(sum(lr.jp), 0)
            from cohort_item_run cir
            join enrolment e on e.run_id = cir.run_id
            join cohort_participant pp on pp.cohort_id = cir.cohort_id and pp.person_id = e.person_id and pp.status in (${COUNTED})
            join learning_record lr on lr.source_id = e.id and lr.source in (${ITEM_SOURCES}) and lr.status in (${STANDING})
           where cir.cohort_id = ec.id) as jp
    from programme_cohort ec
    left join cohort_participant cp on cp.cohort_id = ec.id and cp.status in (${COUNTED})
   where ec.programme_id = p.id and ${ENDED}
   group by ec.id`;

/** `cross join lateral (…) ev`: the evidence of programme `p` in one row (columns of EvidenceRow). */
export const evidenceLateral: RawBuilder<unknown> = sql`lateral (
  select count(f.id)::int as cohorts_run,
         coalesce(sum(f.participants), 0)::int as participants,
         coalesce(sum(f.completed), 0)::int as completed,
         coalesce(sum(f.ratings), 0)::int as ratings,
         coalesce(sum(f.rating_sum), 0)::int as rating_sum,
         coalesce(sum(f.jp), 0)::float8 as jp,
         coalesce(sum(f.cost * f.participants), 0)::float8 as total_cost,
         (select count(distinct cp.agency_id)::int
            from cohort_participant cp join programme_cohort ec on ec.id = cp.cohort_id
           where ec.programme_id = p.id and ${ENDED} and cp.status in (${COUNTED})) as agencies,
         coalesce(json_agg(json_build_object(
           'id', f.id, 'code', f.code, 'starts_at', f.starts_at, 'ends_at', f.ends_at, 'cost', f.cost, 'participants', f.participants,
           'completed', f.completed, 'agencies', f.agencies, 'ratings', f.ratings, 'rating_sum', f.rating_sum, 'jp', f.jp::float8
         ) order by f.starts_at, f.id) filter (where f.id is not null), '[]'::json) as cohorts
    from (${cohortFigures}) f
) ev`;

/** The evidence columns as selected from `ev` (prefix them to a programme row). */
export const evidenceColumns = sql`ev.cohorts_run as ev_cohorts_run, ev.participants as ev_participants, ev.completed as ev_completed,
  ev.ratings as ev_ratings, ev.rating_sum as ev_rating_sum, ev.jp as ev_jp, ev.total_cost as ev_total_cost, ev.agencies as ev_agencies,
  ev.cohorts as ev_cohorts`;

export interface EvidenceRow {
  ev_cohorts_run: number;
  ev_participants: number;
  ev_completed: number;
  ev_ratings: number;
  ev_rating_sum: number;
  ev_jp: number;
  ev_total_cost: number;
  ev_agencies: number;
  ev_cohorts: {
    id: string; code: string; starts_at: string; ends_at: string; cost: number; participants: number; completed: number; agencies: number;
    ratings: number; rating_sum: number; jp: number;
  }[];
}

/** Sort keys of the library, whole numbers so a keyset cursor carries them exactly (-1: no figure yet, last). */
export const completionKey = sql`coalesce(round(ev.completed * 10000.0 / nullif(ev.participants, 0)), -1)::int8`;
export const ratingKey = sql`coalesce(round(ev.rating_sum * 1000.0 / nullif(ev.ratings, 0)), -1)::int8`;
export const adoptionsCount = sql`(select count(*) from programme ad where ad.adopted_from_id = p.id)::int8`;
/** Microseconds since the epoch: a timestamptz keeps microseconds a JS Date would drop from a cursor. */
export const sharedKey = sql`(extract(epoch from p.shared_at) * 1000000)::int8`;

/** The rates are rounded to 4 decimals (display and thresholds say percent with at most 2 decimals). */
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export type EvidenceFigures = Omit<ProgrammeEvidence, 'explanations'>;

export function toEvidence(row: EvidenceRow): EvidenceFigures {
  const cohorts: EvidenceCohort[] = row.ev_cohorts.map((c) => ({
    id: c.id, code: c.code, startsAt: new Date(c.starts_at), endsAt: new Date(c.ends_at), participants: c.participants, completed: c.completed,
    completionRate: ratio(c.completed, c.participants), agencies: c.agencies, averageRating: ratio(c.rating_sum, c.ratings), ratings: c.ratings,
    jpDelivered: Number(c.jp), costPerParticipant: Number(c.cost),
  }));
  const jp = Number(row.ev_jp);
  const totalCost = Number(row.ev_total_cost);
  return {
    cohortsRun: row.ev_cohorts_run, participants: row.ev_participants, completed: row.ev_completed, agencies: row.ev_agencies,
    completionRate: ratio(row.ev_completed, row.ev_participants), averageRating: ratio(row.ev_rating_sum, row.ev_ratings), ratings: row.ev_ratings,
    jpDelivered: jp, totalCost, costPerParticipant: ratio(totalCost, row.ev_participants), costPerJp: ratio(totalCost, jp),
    competencyGaps: null, cohorts,
  };
}

export type ProgrammeWithEvidenceRow = ProgrammeRow & EvidenceRow;

/** The programme columns (as `programmeColumns`) in raw SQL, for the statements written as one template. */
export const programmeColumnsSql = sql`p.id, p.code, p.title, p.description, p.audience, p.competency_tags, p.completion_rule, p.status,
  p.owner_agency_id, p.owner_partner_id, oa.name as owner_agency_name, op.name as owner_partner_name, p.shared_at, p.share_note,
  p.adopted_from_id, p.origin_id, p.created_at`;
export const programmeOwnersSql = sql`programme p
  left join agency oa on oa.id = p.owner_agency_id
  left join partner_institution op on op.id = p.owner_partner_id`;
