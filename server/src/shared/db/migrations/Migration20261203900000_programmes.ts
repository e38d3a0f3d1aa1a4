import { Migration } from '@mikro-orm/migrations';

export class Migration20261203900000_programmes extends Migration {

  override name = 'Migration20261203900000_programmes';

  override up(): void | Promise<void> {
    this.addSql(`create table "programme" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "title" varchar(200) not null, "description" text not null default '', "audience" text not null default '', "competency_tags" text[] not null default '{}', "owner_agency_id" uuid null, "owner_partner_id" uuid null, "completion_rule" text not null default 'ALL_REQUIRED', "status" text not null default 'DRAFT', "shared_at" timestamptz null, "share_note" text null, "adopted_from_id" uuid null, "origin_id" uuid null, "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "programme" add constraint "programme_code_unique" unique ("code");`);
    this.addSql(`create index "programme_owner_agency_id_index" on "programme" ("owner_agency_id");`);
    this.addSql(`create index "programme_owner_partner_id_index" on "programme" ("owner_partner_id");`);
    this.addSql(`create index "programme_adopted_from_id_index" on "programme" ("adopted_from_id");`);
    this.addSql(`create index "programme_origin_id_index" on "programme" ("origin_id");`);
    this.addSql(`create index "programme_title_trgm_idx" on "programme" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "programme_shared_idx" on "programme" ("shared_at", "id") where "shared_at" is not null;`);

    this.addSql(`create table "programme_cohort" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" uuid not null, "code" varchar(40) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "nomination_closes_at" timestamptz null, "release_deadline" timestamptz null, "capacity" int not null, "cost_per_participant" bigint not null default '0', "self_apply" boolean not null default false, "offers_seats" boolean not null default false, "status" text not null default 'SCHEDULED', "cancellation_reason" text null, "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "programme_cohort_programme_id_index" on "programme_cohort" ("programme_id");`);
    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_code_per_programme" unique ("programme_id", "code");`);

    this.addSql(`create table "cohort_participant" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" uuid not null, "person_id" uuid not null, "agency_id" uuid not null, "status" text not null, "nominated_by_id" uuid null, "approver_id" uuid null, "decided_at" timestamptz null, "decided_by_id" uuid null, "note" text null, "completed_at" timestamptz null, "left_at" timestamptz null, "replaced_by_id" uuid null, "rating" smallint null, "rating_comment" text null, "rated_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "cohort_participant_approver_idx" on "cohort_participant" ("approver_id", "status");`);
    this.addSql(`create index "cohort_participant_person_idx" on "cohort_participant" ("person_id", "status");`);
    this.addSql(`create index "cohort_participant_agency_idx" on "cohort_participant" ("cohort_id", "agency_id", "status");`);
    this.addSql(`create unique index "cohort_participant_current_once" on "cohort_participant" ("cohort_id", "person_id") where "status" in ('REQUESTED', 'NOMINATED', 'COMPLETED');`);

    this.addSql(`create table "cohort_agency_quota" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" uuid not null, "agency_id" uuid not null, "seats" int not null, "seats_taken" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "cohort_agency_quota_agency_id_index" on "cohort_agency_quota" ("agency_id");`);
    this.addSql(`alter table "cohort_agency_quota" add constraint "cohort_agency_quota_once" unique ("cohort_id", "agency_id");`);

    this.addSql(`create table "programme_group" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" uuid not null, "title" varchar(200) not null, "min_completed" smallint not null, primary key ("id"));`);
    this.addSql(`create index "programme_group_programme_id_index" on "programme_group" ("programme_id");`);

    this.addSql(`create table "programme_item" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" uuid not null, "course_id" uuid not null, "position" smallint not null, "required" boolean not null default true, "group_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "programme_item_course_id_index" on "programme_item" ("course_id");`);
    this.addSql(`create index "programme_item_group_id_index" on "programme_item" ("group_id");`);
    this.addSql(`create index "programme_item_order_idx" on "programme_item" ("programme_id", "position");`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_course_once" unique ("programme_id", "course_id");`);

    this.addSql(`create table "cohort_item_run" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" uuid not null, "item_id" uuid not null, "run_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "cohort_item_run_item_id_index" on "cohort_item_run" ("item_id");`);
    this.addSql(`alter table "cohort_item_run" add constraint "cohort_item_run_run_unique" unique ("run_id");`);
    this.addSql(`alter table "cohort_item_run" add constraint "cohort_item_run_once" unique ("cohort_id", "item_id");`);

    this.addSql(`alter table "programme" add constraint "programme_owner_agency_id_foreign" foreign key ("owner_agency_id") references "agency" ("id") on delete set null;`);
    this.addSql(`alter table "programme" add constraint "programme_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner_institution" ("id") on delete set null;`);
    this.addSql(`alter table "programme" add constraint "programme_adopted_from_id_foreign" foreign key ("adopted_from_id") references "programme" ("id") on delete no action;`);
    this.addSql(`alter table "programme" add constraint "programme_origin_id_foreign" foreign key ("origin_id") references "programme" ("id") on delete no action;`);
    this.addSql(`alter table "programme" add constraint "programme_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "programme" add constraint "programme_lineage" check ((adopted_from_id is null) = (origin_id is null));`);
    this.addSql(`alter table "programme" add constraint "programme_one_owner" check ((owner_agency_id is null) <> (owner_partner_id is null));`);
    this.addSql(`alter table "programme" add constraint "programme_completion_rule_check" check ("completion_rule" in ('ALL_REQUIRED', 'IN_ORDER', 'GROUPS'));`);
    this.addSql(`alter table "programme" add constraint "programme_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED'));`);

    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on delete cascade;`);
    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_dates_ordered" check (ends_at > starts_at);`);
    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_cost_non_negative" check (cost_per_participant >= 0);`);
    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_capacity_positive" check (capacity > 0);`);
    this.addSql(`alter table "programme_cohort" add constraint "programme_cohort_status_check" check ("status" in ('SCHEDULED', 'CANCELLED'));`);

    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_cohort_id_foreign" foreign key ("cohort_id") references "programme_cohort" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_nominated_by_id_foreign" foreign key ("nominated_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_approver_id_foreign" foreign key ("approver_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_replaced_by_id_foreign" foreign key ("replaced_by_id") references "cohort_participant" ("id") on delete set null;`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_rating_range" check (rating is null or (rating >= 1 and rating <= 5));`);
    this.addSql(`alter table "cohort_participant" add constraint "cohort_participant_status_check" check ("status" in ('REQUESTED', 'NOMINATED', 'COMPLETED', 'WITHDRAWN', 'REJECTED', 'REPLACED'));`);

    this.addSql(`alter table "cohort_agency_quota" add constraint "cohort_agency_quota_cohort_id_foreign" foreign key ("cohort_id") references "programme_cohort" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_agency_quota" add constraint "cohort_agency_quota_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_agency_quota" add constraint "cohort_agency_quota_within" check (seats_taken >= 0 and seats >= 0 and seats_taken <= seats);`);

    this.addSql(`alter table "programme_group" add constraint "programme_group_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on delete cascade;`);
    this.addSql(`alter table "programme_group" add constraint "programme_group_min_positive" check (min_completed >= 1);`);

    this.addSql(`alter table "programme_item" add constraint "programme_item_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on delete cascade;`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_course_id_foreign" foreign key ("course_id") references "course" ("id") on delete no action;`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_group_id_foreign" foreign key ("group_id") references "programme_group" ("id") on delete set null;`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_group_optional" check (group_id is null or not required);`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_position_non_negative" check (position >= 0);`);

    this.addSql(`alter table "cohort_item_run" add constraint "cohort_item_run_cohort_id_foreign" foreign key ("cohort_id") references "programme_cohort" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_item_run" add constraint "cohort_item_run_item_id_foreign" foreign key ("item_id") references "programme_item" ("id") on delete cascade;`);
    this.addSql(`alter table "cohort_item_run" add constraint "cohort_item_run_run_id_foreign" foreign key ("run_id") references "course_run" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "programme" drop constraint "programme_adopted_from_id_foreign";`);
    this.addSql(`alter table "programme" drop constraint "programme_origin_id_foreign";`);
    this.addSql(`alter table "programme_cohort" drop constraint "programme_cohort_programme_id_foreign";`);
    this.addSql(`alter table "programme_group" drop constraint "programme_group_programme_id_foreign";`);
    this.addSql(`alter table "programme_item" drop constraint "programme_item_programme_id_foreign";`);
    this.addSql(`alter table "cohort_participant" drop constraint "cohort_participant_cohort_id_foreign";`);
    this.addSql(`alter table "cohort_agency_quota" drop constraint "cohort_agency_quota_cohort_id_foreign";`);
    this.addSql(`alter table "cohort_item_run" drop constraint "cohort_item_run_cohort_id_foreign";`);
    this.addSql(`alter table "cohort_participant" drop constraint "cohort_participant_replaced_by_id_foreign";`);
    this.addSql(`alter table "programme_item" drop constraint "programme_item_group_id_foreign";`);
    this.addSql(`alter table "cohort_item_run" drop constraint "cohort_item_run_item_id_foreign";`);

    this.addSql(`drop table if exists "programme" cascade;`);
    this.addSql(`drop table if exists "programme_cohort" cascade;`);
    this.addSql(`drop table if exists "cohort_participant" cascade;`);
    this.addSql(`drop table if exists "cohort_agency_quota" cascade;`);
    this.addSql(`drop table if exists "programme_group" cascade;`);
    this.addSql(`drop table if exists "programme_item" cascade;`);
    this.addSql(`drop table if exists "cohort_item_run" cascade;`);
  }

}
