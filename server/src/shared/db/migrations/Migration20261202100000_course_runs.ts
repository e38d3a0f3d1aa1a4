import { Migration } from '@mikro-orm/migrations';

const ENROLMENT_POLICIES = `('OPEN', 'SUPERVISOR_APPROVAL', 'INVITATION')`;

/**
 * Courses and their runs (issue 6): a course keeps what is learned; when, where, how many seats, the
 * seat and waiting-list counters, the instructors, the enrolment policy and deadline move to
 * `course_run`. Every existing course becomes one run (code "1") with exactly its schedule, counters
 * and instructors; every enrolment points at its course's run (and keeps course_id, so "one run of a
 * course at a time" is a partial unique index). The native enums of course and enrolment become text
 * with a CHECK, so a later migration can add a value and use it in the same transaction.
 * Data is moved before any column is dropped; the whole migration is one transaction.
 */
export class Migration20261202100000_course_runs extends Migration {
  override up(): void {
    // 1. Native enums → text + CHECK (values unchanged). Partial indexes that compare an enum are rebuilt around it.
    this.addSql(`drop index "course_catalogue_order_idx";`);
    this.addSql(`drop index "course_catalogue_title_idx";`);
    this.addSql(`drop index "course_catalogue_start_idx";`);
    this.addSql(`drop index "course_open_idx";`);
    this.addSql(`alter table "course" alter column "form" type text using ("form"::text);`);
    this.addSql(`alter table "course" alter column "delivery" type text using ("delivery"::text);`);
    this.addSql(`alter table "course" alter column "status" drop default;`);
    this.addSql(`alter table "course" alter column "status" type text using ("status"::text);`);
    this.addSql(`alter table "course" alter column "status" set default 'DRAFT';`);
    this.addSql(`alter table "course" alter column "visibility" type text using ("visibility"::text);`);
    this.addSql(`alter table "course" alter column "enrolment_policy" type text using ("enrolment_policy"::text);`);
    this.addSql(`alter table "course" add constraint "course_form_check" check ("form" in ('DEGREE_STUDY', 'LEADERSHIP_TRAINING', 'MANAGERIAL_TRAINING', 'TECHNICAL_TRAINING', 'FUNCTIONAL_TRAINING', 'SOCIO_CULTURAL_TRAINING', 'SEMINAR', 'WORKSHOP', 'COURSE', 'UPGRADING', 'TECHNICAL_GUIDANCE', 'SOCIALISATION', 'COACHING', 'MENTORING', 'E_LEARNING', 'DISTANCE_LEARNING', 'SECONDMENT', 'OUTBOUND', 'BENCHMARKING', 'STAFF_EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE', 'ON_THE_JOB_GUIDANCE', 'INTERNSHIP'));`);
    this.addSql(`alter table "course" add constraint "course_delivery_check" check ("delivery" in ('ONLINE_SELF_PACED', 'BLENDED', 'IN_PERSON'));`);
    this.addSql(`alter table "course" add constraint "course_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED'));`);
    this.addSql(`alter table "course" add constraint "course_visibility_check" check ("visibility" in ('OWN_AGENCY', 'LISTED_AGENCIES', 'ALL_AGENCIES'));`);
    this.addSql(`create index "course_catalogue_order_idx" on "course" ((coalesce("published_at", "created_at")), "id") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "course_catalogue_title_idx" on "course" ((lower("title")), "id") where "status" = 'PUBLISHED';`);
    this.addSql(`alter table "enrolment" alter column "status" type text using ("status"::text);`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_status_check" check ("status" in ('REQUESTED', 'ACTIVE', 'WAITLISTED', 'COMPLETED', 'FAILED', 'WITHDRAWN', 'REJECTED'));`);

    // 2. Runs and their instructors.
    this.addSql(`create table "course_run" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "course_id" uuid not null, "code" varchar(40) not null, "starts_at" timestamptz null, "ends_at" timestamptz null, "enrolment_closes_at" timestamptz null, "location" varchar(300) null, "online_url" varchar(500) null, "capacity" int null, "seats_taken" int not null default 0, "waitlist_length" int not null default 0, "enrolment_policy" text not null, "status" text not null default 'SCHEDULED', "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "course_run" add constraint "course_run_code_per_course" unique ("course_id", "code");`);
    this.addSql(`alter table "course_run" add constraint "course_run_course_id_foreign" foreign key ("course_id") references "course" ("id") on delete cascade;`);
    this.addSql(`alter table "course_run" add constraint "course_run_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "course_run" add constraint "course_run_dates_ordered" check (ends_at is null or starts_at is null or ends_at > starts_at);`);
    this.addSql(`alter table "course_run" add constraint "course_run_waitlist_non_negative" check (waitlist_length >= 0);`);
    this.addSql(`alter table "course_run" add constraint "course_run_seats_within_capacity" check (seats_taken >= 0 and (capacity is null or seats_taken <= capacity));`);
    this.addSql(`alter table "course_run" add constraint "course_run_capacity_positive" check (capacity is null or capacity > 0);`);
    this.addSql(`alter table "course_run" add constraint "course_run_enrolment_policy_check" check ("enrolment_policy" in ${ENROLMENT_POLICIES});`);
    this.addSql(`alter table "course_run" add constraint "course_run_status_check" check ("status" in ('SCHEDULED', 'CANCELLED'));`);
    this.addSql(`create index "course_run_course_start_idx" on "course_run" ("course_id", (coalesce("starts_at", '-infinity'::timestamptz)), "id") where "status" = 'SCHEDULED';`);
    this.addSql(`create table "course_run_instructor" ("run_id" uuid not null, "person_id" uuid not null, primary key ("run_id", "person_id"));`);
    this.addSql(`alter table "course_run_instructor" add constraint "course_run_instructor_run_id_foreign" foreign key ("run_id") references "course_run" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_run_instructor" add constraint "course_run_instructor_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    // 3. One run per course, with the course's schedule, counters and policy; then its instructors.
    this.addSql(`insert into "course_run" ("course_id", "code", "starts_at", "ends_at", "enrolment_closes_at", "location", "capacity", "seats_taken", "waitlist_length", "enrolment_policy", "status", "created_by_id", "created_at", "updated_at")
      select c.id, '1', c.starts_at, c.ends_at, c.enrolment_closes_at, c.location, c.capacity, c.seats_taken, c.waitlist_length, c.enrolment_policy, 'SCHEDULED', c.created_by_id, c.created_at, c.updated_at
        from "course" c;`);
    this.addSql(`insert into "course_run_instructor" ("run_id", "person_id")
      select r.id, ci.person_id from "course_instructor" ci join "course_run" r on r.course_id = ci.course_id;`);

    // 4. Every enrolment points at its course's (only) run.
    this.addSql(`alter table "enrolment" add column "run_id" uuid null;`);
    this.addSql(`update "enrolment" e set "run_id" = r.id from "course_run" r where r.course_id = e.course_id;`);
    this.addSql(`alter table "enrolment" alter column "run_id" set not null;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_run_id_foreign" foreign key ("run_id") references "course_run" ("id") on delete cascade;`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_once_per_course";`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_once_per_run" unique ("person_id", "run_id");`);
    this.addSql(`create unique index "enrolment_one_current_per_course" on "enrolment" ("person_id", "course_id") where "status" in ('REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED');`);
    this.addSql(`create index "enrolment_course_idx" on "enrolment" ("course_id");`);
    this.addSql(`drop index "enrolment_waitlist_idx";`);
    this.addSql(`create index "enrolment_waitlist_idx" on "enrolment" ("run_id", "status", "waitlisted_at");`);

    // 5. What moved leaves the course.
    this.addSql(`drop table "course_instructor";`);
    this.addSql(`alter table "course" drop constraint "course_capacity_positive";`);
    this.addSql(`alter table "course" drop constraint "course_seats_within_capacity";`);
    this.addSql(`alter table "course" drop column "capacity", drop column "seats_taken", drop column "waitlist_length", drop column "enrolment_policy", drop column "starts_at", drop column "ends_at", drop column "location", drop column "enrolment_closes_at";`);
    this.addSql(`drop type "course_status";`);
    this.addSql(`drop type "course_visibility";`);
    this.addSql(`drop type "delivery_mode";`);
    this.addSql(`drop type "development_form";`);
    this.addSql(`drop type "enrolment_policy";`);
    this.addSql(`drop type "enrolment_status";`);
  }

  override down(): void {
    // A course with several runs cannot go back to being one offering without losing some: not reversible.
    throw new Error('Migration20261202100000_course_runs cannot be reverted: restore a backup taken before it');
  }
}
