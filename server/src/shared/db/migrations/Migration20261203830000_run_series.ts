import { Migration } from '@mikro-orm/migrations';

/**
 * Recurring forums (ARCHITECTURE.md "Recurring forums"): a `run_series` (the rule, local time, zone, bound, and
 * what each occurrence copies) with its instructors; each occurrence is a run with `series_id`; a run keeps the
 * reason it was cancelled. An enrolment says whether "one run of a course at a time" applies to it
 * (`one_per_course`, false in a series occurrence), and the partial unique index that enforces the rule is
 * recreated to hold only where it applies (existing rows: a run with a series cannot exist yet, the update is for
 * completeness).
 */
export class Migration20261203830000_run_series extends Migration {

  override name = 'Migration20261203830000_run_series';

  override up(): void | Promise<void> {
    this.addSql(`create table "run_series" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "course_id" uuid not null, "title" varchar(200) null, "rrule" varchar(200) not null, "starts_on" date not null, "start_time" varchar(5) not null, "duration_minutes" int not null, "time_zone" varchar(40) not null, "until_on" date null, "occurrence_count" smallint null, "code_pattern" varchar(40) not null, "capacity" int null, "enrolment_policy" text not null, "room" varchar(200) null, "address" varchar(300) null, "online_url" varchar(500) null, "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "run_series_course_id_index" on "run_series" ("course_id");`);

    this.addSql(`create table "run_series_instructor" ("series_id" uuid not null, "person_id" uuid not null, primary key ("series_id", "person_id"));`);

    this.addSql(`alter table "course_run" add "series_id" uuid null, add "cancellation_reason" text null;`);
    this.addSql(`alter table "course_run" add constraint "course_run_series_id_foreign" foreign key ("series_id") references "run_series" ("id") on delete set null;`);
    this.addSql(`create index "course_run_series_id_index" on "course_run" ("series_id");`);

    this.addSql(`alter table "enrolment" add "one_per_course" boolean not null default true;`);
    this.addSql(`update "enrolment" e set "one_per_course" = false from "course_run" r where r."id" = e."run_id" and r."series_id" is not null;`);
    this.addSql(`drop index "enrolment_one_current_per_course";`);
    this.addSql(`create unique index "enrolment_one_current_per_course" on "enrolment" ("person_id", "course_id") where "one_per_course" and "status" in ('REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED');`);

    this.addSql(`alter table "run_series" add constraint "run_series_course_id_foreign" foreign key ("course_id") references "course" ("id") on delete cascade;`);
    this.addSql(`alter table "run_series" add constraint "run_series_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "run_series" add constraint "run_series_capacity_positive" check (capacity is null or capacity > 0);`);
    this.addSql(`alter table "run_series" add constraint "run_series_start_time_format" check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');`);
    this.addSql(`alter table "run_series" add constraint "run_series_duration_range" check (duration_minutes >= 15 and duration_minutes <= 1440);`);
    this.addSql(`alter table "run_series" add constraint "run_series_count_range" check (occurrence_count is null or (occurrence_count >= 1 and occurrence_count <= 60));`);
    this.addSql(`alter table "run_series" add constraint "run_series_bounded" check ((until_on is not null) <> (occurrence_count is not null));`);
    this.addSql(`alter table "run_series" add constraint "run_series_time_zone_known" check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));`);
    this.addSql(`alter table "run_series" add constraint "run_series_enrolment_policy_check" check ("enrolment_policy" in ('OPEN', 'SUPERVISOR_APPROVAL', 'INVITATION'));`);

    this.addSql(`alter table "run_series_instructor" add constraint "run_series_instructor_series_id_foreign" foreign key ("series_id") references "run_series" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "run_series_instructor" add constraint "run_series_instructor_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "run_series_instructor" drop constraint "run_series_instructor_series_id_foreign";`);
    this.addSql(`alter table "course_run" drop constraint "course_run_series_id_foreign";`);

    this.addSql(`drop table if exists "run_series" cascade;`);
    this.addSql(`drop table if exists "run_series_instructor" cascade;`);

    this.addSql(`drop index "course_run_series_id_index";`);
    this.addSql(`alter table "course_run" drop column "series_id", drop column "cancellation_reason";`);

    this.addSql(`drop index "enrolment_one_current_per_course";`);
    this.addSql(`alter table "enrolment" drop column "one_per_course";`);
    this.addSql(`create unique index "enrolment_one_current_per_course" on "enrolment" ("person_id", "course_id") where "status" in ('REQUESTED', 'WAITLISTED', 'ACTIVE', 'COMPLETED');`);
  }

}
