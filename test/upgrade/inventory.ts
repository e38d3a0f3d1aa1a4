/**
 * What "nothing was lost" means for the first-release upgrade test: one question per kind of data, asked once
 * of the first-release schema (before upgrading) and once of the current schema (after). Both answers must be
 * equal. THIS FILE IS THE ONE PLACE TO ADAPT when a migration reshapes a table: change the `current` query of
 * the affected item so it reads the new tables and answers in the same shape; never change `firstRelease`
 * (the fixture's schema does not change). Add an item for any new kind of data that old databases hold.
 *
 * Every query returns rows with the same columns in both schemas, ordered deterministically; enums are read as
 * text, counts as int, timestamps as ISO text, so the two answers compare with toEqual.
 */
export interface InventoryItem {
  /** Against the schema the four first-release migrations build. */
  firstRelease: string;
  /** Against the schema all migrations build. */
  current: string;
}

const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** Items that read the same in both schemas state it once. */
const same = (sql: string): InventoryItem => ({ firstRelease: sql, current: sql });

export const INVENTORY: Record<string, InventoryItem> = {
  agencies: same(`select id, code, name, kind::text as kind, time_zone, active from agency order by id`),

  partners: same(`select id, code, name, kind::text as kind, city from partner_institution order by id`),

  orgUnits: same(`select id, agency_id, parent_id, name, path from org_unit order by id`),

  people: same(`select id, full_name, nip, nidn, email, employment_type::text as employment_type, agency_id, org_unit_id, partner_id,
      supervisor_id, position_title, rank, active, password_hash, locale, time_zone from person order by id`),

  roles: same(`select person_id, role::text as role, agency_id, partner_id, scope_key, granted_by_id from role_grant order by person_id, role, scope_key`),

  /** What is learned (the course itself). */
  courses: same(`select id, code, title, description, form::text as form, delivery::text as delivery, jp, competency_tags,
      owner_agency_id, owner_partner_id, status::text as status, visibility::text as visibility, cost_per_participant, created_by_id
      from course order by id`),

  courseVisibleAgencies: same(`select course_id, agency_id from course_visible_agency order by course_id, agency_id`),

  /**
   * Each course's one offering: schedule, place, capacity, counters, policy. The first release's course became
   * one run of itself (course_run, code "1"), which carries them now.
   */
  courseSchedules: {
    firstRelease: `select id as course_id, ${ts('starts_at')} as starts_at, ${ts('ends_at')} as ends_at, location,
      capacity, seats_taken, waitlist_length, enrolment_policy::text as enrolment_policy from course order by id`,
    current: `select course_id, ${ts('starts_at')} as starts_at, ${ts('ends_at')} as ends_at, location,
      capacity, seats_taken, waitlist_length, enrolment_policy::text as enrolment_policy from course_run order by course_id`,
  },

  /** Instructors per course, now per run of the course. */
  courseInstructors: {
    firstRelease: `select course_id, person_id from course_instructor order by course_id, person_id`,
    current: `select r.course_id, i.person_id from course_run_instructor i join course_run r on r.id = i.run_id
      order by r.course_id, i.person_id`,
  },

  enrolmentsPerState: same(`select status::text as status, count(*)::int as n from enrolment group by status order by status`),

  /** Every enrolment with its course and history; the course is reached through the enrolment's run. */
  enrolments: {
    firstRelease: `select id, person_id, course_id, status::text as status, approver_id, ${ts('requested_at')} as requested_at,
      ${ts('waitlisted_at')} as waitlisted_at, ${ts('decided_at')} as decided_at, decided_by_id, decision_note, ${ts('finished_at')} as finished_at
      from enrolment order by id`,
    current: `select e.id, e.person_id, r.course_id, e.status::text as status, e.approver_id, ${ts('e.requested_at')} as requested_at,
      ${ts('e.waitlisted_at')} as waitlisted_at, ${ts('e.decided_at')} as decided_at, e.decided_by_id, e.decision_note, ${ts('e.finished_at')} as finished_at
      from enrolment e join course_run r on r.id = e.run_id order by e.id`,
  },

  /**
   * Credited learning per completed enrolment. The ledger keeps it as credited lines of source
   * COURSE_RUN_COMPLETION whose source id is the enrolment (and no reversal of them appeared on the way).
   */
  ledgerLines: {
    firstRelease: `select enrolment_id, person_id, year, minutes, title, ${ts('occurred_at')} as occurred_at
      from learning_record order by enrolment_id`,
    current: `select source_id as enrolment_id, person_id, year, minutes, title, ${ts('occurred_at')} as occurred_at
      from learning_record where source = 'COURSE_RUN_COMPLETION' and status = 'CREDITED' and reverses_id is null
      order by source_id`,
  },

  /** Yearly totals per person and year, as maintained (the ledger adds yearly JP; the minutes must not move). */
  ledgerTotalsPerPersonYear: same(`select person_id, year, minutes from person_learning_year order by person_id, year`),
};
