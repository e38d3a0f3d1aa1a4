import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000001_initial extends Migration {

  override name = 'Migration20261123000001_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "agency_kind" as enum ('MINISTRY', 'NATIONAL_AGENCY', 'PROVINCE', 'REGENCY', 'CITY');`);
    this.addSql(`create type "partner_kind" as enum ('UNIVERSITY', 'TRAINING_INSTITUTE', 'GOVERNMENT_TRAINING_CENTRE', 'NGO');`);
    this.addSql(`create type "employment_type" as enum ('PNS', 'PPPK', 'NON_ASN');`);
    this.addSql(`create type "development_form" as enum ('DEGREE_STUDY', 'LEADERSHIP_TRAINING', 'MANAGERIAL_TRAINING', 'TECHNICAL_TRAINING', 'FUNCTIONAL_TRAINING', 'SOCIO_CULTURAL_TRAINING', 'SEMINAR', 'WORKSHOP', 'COURSE', 'UPGRADING', 'TECHNICAL_GUIDANCE', 'SOCIALISATION', 'COACHING', 'MENTORING', 'E_LEARNING', 'DISTANCE_LEARNING', 'SECONDMENT', 'OUTBOUND', 'BENCHMARKING', 'STAFF_EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE', 'ON_THE_JOB_GUIDANCE', 'INTERNSHIP');`);
    this.addSql(`create type "delivery_mode" as enum ('ONLINE_SELF_PACED', 'BLENDED', 'IN_PERSON');`);
    this.addSql(`create type "enrolment_policy" as enum ('OPEN', 'SUPERVISOR_APPROVAL', 'INVITATION');`);
    this.addSql(`create type "course_status" as enum ('DRAFT', 'PUBLISHED', 'ARCHIVED');`);
    this.addSql(`create type "course_visibility" as enum ('OWN_AGENCY', 'LISTED_AGENCIES', 'ALL_AGENCIES');`);
    this.addSql(`create type "enrolment_status" as enum ('REQUESTED', 'ACTIVE', 'WAITLISTED', 'COMPLETED', 'FAILED', 'WITHDRAWN', 'REJECTED');`);
    this.addSql(`create type "learning_source" as enum ('COURSE_COMPLETION');`);
    this.addSql(`create type "role" as enum ('LEARNER', 'SUPERVISOR', 'AGENCY_ADMIN', 'INSTRUCTOR', 'PARTNER_ADMIN', 'PLATFORM_ADMIN');`);
    this.addSql(`create table "agency" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(32) not null, "name" varchar(200) not null, "kind" "agency_kind" not null, "time_zone" varchar(40) not null default 'Asia/Jakarta', "active" boolean not null default true, primary key ("id"));`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);

    this.addSql(`create table "learning_rule_set" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "valid_from" date not null, "minutes_per_jp" int not null, "yearly_target_jp" int not null, "non_classroom_defaults" jsonb not null default '{}', "legal_basis" text null, primary key ("id"));`);
    this.addSql(`alter table "learning_rule_set" add constraint "learning_rule_set_valid_from_unique" unique ("valid_from");`);

    this.addSql(`create table "login_throttle" ("identifier" varchar(254) not null, "failures" int not null default 0, "locked_until" timestamptz null, "last_failure_at" timestamptz not null default now(), primary key ("identifier"));`);

    this.addSql(`create table "org_unit" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "parent_id" uuid null, "name" varchar(200) not null, "path" text not null, primary key ("id"));`);
    this.addSql(`create index "org_unit_path_index" on "org_unit" ("path");`);
    this.addSql(`create index "org_unit_agency_id_parent_id_index" on "org_unit" ("agency_id", "parent_id");`);

    this.addSql(`create table "partner_institution" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(32) not null, "name" varchar(200) not null, "kind" "partner_kind" not null, "city" varchar(100) null, primary key ("id"));`);
    this.addSql(`alter table "partner_institution" add constraint "partner_institution_code_unique" unique ("code");`);

    this.addSql(`create table "person" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "full_name" varchar(200) not null, "nip" varchar(18) null, "nidn" varchar(10) null, "email" varchar(254) null, "employment_type" "employment_type" not null, "agency_id" uuid null, "org_unit_id" uuid null, "partner_id" uuid null, "supervisor_id" uuid null, "position_title" varchar(200) null, "rank" varchar(8) null, "active" boolean not null default true, "password_hash" varchar(200) null, "locale" varchar(2) not null default 'id', "time_zone" varchar(40) not null default 'Asia/Jakarta', primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_nip_unique" unique ("nip");`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);
    this.addSql(`create index "person_org_unit_id_index" on "person" ("org_unit_id");`);
    this.addSql(`create index "person_full_name_trgm_idx" on "person" using gin ("full_name" gin_trgm_ops);`);
    this.addSql(`create index "person_supervisor_id_active_index" on "person" ("supervisor_id", "active");`);
    this.addSql(`create index "person_agency_id_full_name_index" on "person" ("agency_id", "full_name");`);

    this.addSql(`create table "course" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "title" varchar(200) not null, "description" text not null default '', "form" "development_form" not null, "delivery" "delivery_mode" not null, "jp" int not null, "competency_tags" text[] not null default '{}', "owner_agency_id" uuid null, "owner_partner_id" uuid null, "capacity" int null, "seats_taken" int not null default 0, "waitlist_length" int not null default 0, "enrolment_policy" "enrolment_policy" not null, "cost_per_participant" bigint not null default '0', "status" "course_status" not null default 'DRAFT', "visibility" "course_visibility" not null, "starts_at" timestamptz null, "ends_at" timestamptz null, "location" varchar(300) null, "published_at" timestamptz null, "created_by_id" uuid null, "search_vector" tsvector generated always as (setweight(to_tsvector('indonesian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, lentera_ext.join_tags(competency_tags)), 'B') || setweight(to_tsvector('indonesian'::regconfig, coalesce(description, '')), 'C')) stored not null, primary key ("id"));`);
    this.addSql(`alter table "course" add constraint "course_code_unique" unique ("code");`);
    this.addSql(`create index "course_owner_agency_id_index" on "course" ("owner_agency_id");`);
    this.addSql(`create index "course_owner_partner_id_index" on "course" ("owner_partner_id");`);
    this.addSql(`create index "course_search_idx" on "course" using gin ("search_vector");`);
    this.addSql(`create index "course_title_trgm_idx" on "course" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "course_open_idx" on "course" ("ends_at") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "course_catalogue_order_idx" on "course" ((coalesce("published_at", "created_at")), "id") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "course_catalogue_idx" on "course" ("status", "visibility");`);

    this.addSql(`create table "enrolment" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "course_id" uuid not null, "status" "enrolment_status" not null, "approver_id" uuid null, "requested_at" timestamptz not null default now(), "waitlisted_at" timestamptz null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decision_note" text null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "enrolment_person_status_idx" on "enrolment" ("person_id", "status");`);
    this.addSql(`create index "enrolment_approver_idx" on "enrolment" ("approver_id", "status");`);
    this.addSql(`create index "enrolment_waitlist_idx" on "enrolment" ("course_id", "status", "waitlisted_at");`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_once_per_course" unique ("person_id", "course_id");`);

    this.addSql(`create table "learning_record" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "year" smallint not null, "minutes" int not null, "source" "learning_source" not null, "enrolment_id" uuid null, "title" varchar(300) not null, "occurred_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_enrolment_id_unique" unique ("enrolment_id");`);
    this.addSql(`create index "learning_record_person_id_year_index" on "learning_record" ("person_id", "year");`);

    this.addSql(`create table "course_visible_agency" ("course_id" uuid not null, "agency_id" uuid not null, primary key ("course_id", "agency_id"));`);

    this.addSql(`create table "course_instructor" ("course_id" uuid not null, "person_id" uuid not null, primary key ("course_id", "person_id"));`);

    this.addSql(`create table "audit_entry" ("id" uuid not null default gen_random_uuid(), "actor_id" uuid null, "action" varchar(60) not null, "target_type" varchar(40) not null, "target_id" uuid not null, "data" jsonb null, "at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "audit_entry_target_type_target_id_index" on "audit_entry" ("target_type", "target_id");`);

    this.addSql(`create table "person_learning_year" ("person_id" uuid not null, "year" smallint not null, "minutes" int not null default 0, primary key ("person_id", "year"));`);

    this.addSql(`create table "role_grant" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "role" "role" not null, "agency_id" uuid null, "partner_id" uuid null, "scope_key" varchar(40) not null default 'platform', "granted_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_once" unique ("person_id", "role", "scope_key");`);

    this.addSql(`create table "session" ("token_hash" varchar(64) not null, "person_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "user_agent" varchar(300) null, primary key ("token_hash"));`);
    this.addSql(`create index "session_person_id_index" on "session" ("person_id");`);

    this.addSql(`alter table "learning_rule_set" add constraint "rule_minutes_positive" check (minutes_per_jp > 0 and yearly_target_jp >= 0);`);

    this.addSql(`alter table "org_unit" add constraint "org_unit_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on delete restrict;`);

    this.addSql(`alter table "person" add constraint "person_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete set null;`);
    this.addSql(`alter table "person" add constraint "person_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on delete restrict;`);
    this.addSql(`alter table "person" add constraint "person_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id") on delete set null;`);
    this.addSql(`alter table "person" add constraint "person_supervisor_id_foreign" foreign key ("supervisor_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "person" add constraint "person_asn_has_nip" check (employment_type = 'NON_ASN' or nip is not null);`);
    this.addSql(`alter table "person" add constraint "person_has_login" check (nip is not null or email is not null);`);

    this.addSql(`alter table "course" add constraint "course_owner_agency_id_foreign" foreign key ("owner_agency_id") references "agency" ("id") on delete set null;`);
    this.addSql(`alter table "course" add constraint "course_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner_institution" ("id") on delete set null;`);
    this.addSql(`alter table "course" add constraint "course_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "course" add constraint "course_cost_non_negative" check (cost_per_participant >= 0);`);
    this.addSql(`alter table "course" add constraint "course_jp_positive" check (jp > 0);`);
    this.addSql(`alter table "course" add constraint "course_seats_within_capacity" check (seats_taken >= 0 and (capacity is null or seats_taken <= capacity));`);
    this.addSql(`alter table "course" add constraint "course_capacity_positive" check (capacity is null or capacity > 0);`);
    this.addSql(`alter table "course" add constraint "course_one_owner" check ((owner_agency_id is null) <> (owner_partner_id is null));`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_course_id_foreign" foreign key ("course_id") references "course" ("id") on delete cascade;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_approver_id_foreign" foreign key ("approver_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "learning_record" add constraint "learning_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_enrolment_id_foreign" foreign key ("enrolment_id") references "enrolment" ("id") on delete set null;`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_minutes_positive" check (minutes > 0);`);

    this.addSql(`alter table "course_visible_agency" add constraint "course_visible_agency_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_visible_agency" add constraint "course_visible_agency_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "course_instructor" add constraint "course_instructor_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_instructor" add constraint "course_instructor_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "person_learning_year" add constraint "person_learning_year_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "role_grant" add constraint "role_grant_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id") on delete cascade;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_granted_by_id_foreign" foreign key ("granted_by_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "org_unit" drop constraint "org_unit_agency_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_agency_id_foreign";`);
    this.addSql(`alter table "course" drop constraint "course_owner_agency_id_foreign";`);
    this.addSql(`alter table "course_visible_agency" drop constraint "course_visible_agency_agency_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_agency_id_foreign";`);
    this.addSql(`alter table "org_unit" drop constraint "org_unit_parent_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_org_unit_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_partner_id_foreign";`);
    this.addSql(`alter table "course" drop constraint "course_owner_partner_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_partner_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_supervisor_id_foreign";`);
    this.addSql(`alter table "course" drop constraint "course_created_by_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_person_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_approver_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_decided_by_id_foreign";`);
    this.addSql(`alter table "learning_record" drop constraint "learning_record_person_id_foreign";`);
    this.addSql(`alter table "course_instructor" drop constraint "course_instructor_person_id_foreign";`);
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_actor_id_foreign";`);
    this.addSql(`alter table "person_learning_year" drop constraint "person_learning_year_person_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_person_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_granted_by_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_person_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_course_id_foreign";`);
    this.addSql(`alter table "course_visible_agency" drop constraint "course_visible_agency_course_id_foreign";`);
    this.addSql(`alter table "course_instructor" drop constraint "course_instructor_course_id_foreign";`);
    this.addSql(`alter table "learning_record" drop constraint "learning_record_enrolment_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);
    this.addSql(`drop table if exists "learning_rule_set" cascade;`);
    this.addSql(`drop table if exists "login_throttle" cascade;`);
    this.addSql(`drop table if exists "org_unit" cascade;`);
    this.addSql(`drop table if exists "partner_institution" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "course" cascade;`);
    this.addSql(`drop table if exists "enrolment" cascade;`);
    this.addSql(`drop table if exists "learning_record" cascade;`);
    this.addSql(`drop table if exists "course_visible_agency" cascade;`);
    this.addSql(`drop table if exists "course_instructor" cascade;`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "person_learning_year" cascade;`);
    this.addSql(`drop table if exists "role_grant" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop type "agency_kind";`);
    this.addSql(`drop type "partner_kind";`);
    this.addSql(`drop type "employment_type";`);
    this.addSql(`drop type "development_form";`);
    this.addSql(`drop type "delivery_mode";`);
    this.addSql(`drop type "enrolment_policy";`);
    this.addSql(`drop type "course_status";`);
    this.addSql(`drop type "course_visibility";`);
    this.addSql(`drop type "enrolment_status";`);
    this.addSql(`drop type "learning_source";`);
    this.addSql(`drop type "role";`);
  }

}
