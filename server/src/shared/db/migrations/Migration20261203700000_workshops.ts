import { Migration } from '@mikro-orm/migrations';

/**
 * Workshops (ARCHITECTURE.md "Workshops"): a course row gets its kind (COURSE or WORKSHOP; every existing row is a
 * course) and a workshop's credit rule (JP from attended minutes or a fixed JP, the minimum attendance share); a
 * run gets sessions (`run_session`) and each session its attendance lines (`session_attendance`).
 */
export class Migration20261203700000_workshops extends Migration {

  override name = 'Migration20261203700000_workshops';

  override up(): void | Promise<void> {
    this.addSql(`create table "run_session" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "run_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "time_zone" varchar(40) not null default 'Asia/Jakarta', "title" varchar(200) null, "room" varchar(200) null, "address" varchar(300) null, "online_url" varchar(500) null, "status" text not null default 'SCHEDULED', primary key ("id"));`);
    this.addSql(`create index "run_session_start_idx" on "run_session" ("starts_at");`);
    this.addSql(`create index "run_session_run_start_idx" on "run_session" ("run_id", "starts_at");`);

    this.addSql(`create table "session_attendance" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "session_id" uuid not null, "enrolment_id" uuid not null, "status" text not null, "late_minutes" int null, "method" text not null, "recorded_by_id" uuid null, "recorded_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "session_attendance_enrolment_id_index" on "session_attendance" ("enrolment_id");`);
    this.addSql(`alter table "session_attendance" add constraint "session_attendance_once" unique ("session_id", "enrolment_id");`);

    this.addSql(`alter table "course" add "kind" text not null default 'COURSE', add "attendance_credit" text not null default 'ATTENDED_MINUTES', add "fixed_jp" numeric(5,1) null, add "min_attendance_percent" smallint not null default 80;`);
    this.addSql(`alter table "course" add constraint "course_fixed_jp_given" check (attendance_credit <> 'FIXED_JP' or (fixed_jp is not null and fixed_jp > 0));`);
    this.addSql(`alter table "course" add constraint "course_min_attendance_share" check (min_attendance_percent >= 1 and min_attendance_percent <= 100);`);
    this.addSql(`alter table "course" add constraint "course_kind_check" check ("kind" in ('COURSE', 'WORKSHOP'));`);
    this.addSql(`alter table "course" add constraint "course_attendance_credit_check" check ("attendance_credit" in ('ATTENDED_MINUTES', 'FIXED_JP'));`);

    this.addSql(`alter table "run_session" add constraint "run_session_run_id_foreign" foreign key ("run_id") references "course_run" ("id") on delete cascade;`);
    this.addSql(`alter table "run_session" add constraint "run_session_time_zone_known" check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));`);
    this.addSql(`alter table "run_session" add constraint "run_session_ends_after_start" check (ends_at > starts_at);`);
    this.addSql(`alter table "run_session" add constraint "run_session_status_check" check ("status" in ('SCHEDULED', 'CANCELLED'));`);

    this.addSql(`alter table "session_attendance" add constraint "session_attendance_session_id_foreign" foreign key ("session_id") references "run_session" ("id") on delete cascade;`);
    this.addSql(`alter table "session_attendance" add constraint "session_attendance_enrolment_id_foreign" foreign key ("enrolment_id") references "enrolment" ("id") on delete cascade;`);
    this.addSql(`alter table "session_attendance" add constraint "session_attendance_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "session_attendance" add constraint "session_attendance_late_minutes" check ((status = 'LATE' and late_minutes is not null and late_minutes > 0) or (status <> 'LATE' and late_minutes is null));`);
    this.addSql(`alter table "session_attendance" add constraint "session_attendance_status_check" check ("status" in ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED'));`);
    this.addSql(`alter table "session_attendance" add constraint "session_attendance_method_check" check ("method" in ('ROSTER', 'QR', 'CODE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "session_attendance" drop constraint "session_attendance_session_id_foreign";`);

    this.addSql(`drop table if exists "run_session" cascade;`);
    this.addSql(`drop table if exists "session_attendance" cascade;`);

    this.addSql(`alter table "course" drop constraint "course_fixed_jp_given";`);
    this.addSql(`alter table "course" drop constraint "course_min_attendance_share";`);
    this.addSql(`alter table "course" drop constraint "course_kind_check";`);
    this.addSql(`alter table "course" drop constraint "course_attendance_credit_check";`);
    this.addSql(`alter table "course" drop column "kind", drop column "attendance_credit", drop column "fixed_jp", drop column "min_attendance_percent";`);
  }

}
