import { Migration } from '@mikro-orm/migrations';

export class Migration20261203990000_external_activities extends Migration {

  override name = 'Migration20261203990000_external_activities';

  override up(): void | Promise<void> {
    this.addSql(`create table "external_activity_evidence" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "content" bytea not null, "content_type" varchar(40) not null, "file_name" varchar(200) not null, "byte_size" int not null, "sha256" varchar(64) not null, "uploaded_by_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "external_activity_evidence_uploaded_by_id_index" on "external_activity_evidence" ("uploaded_by_id");`);

    this.addSql(`create table "external_activity" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "agency_id" uuid null, "title" varchar(300) not null, "form" text not null, "organiser" varchar(300) not null, "starts_on" date not null, "ends_on" date not null, "jp" numeric(6,1) not null, "jp_is_default" boolean not null default false, "description" text null, "evidence_id" uuid not null, "status" text not null default 'PENDING', "decided_by_id" uuid null, "decided_at" timestamptz null, "rejection_reason" varchar(500) null, primary key ("id"));`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_evidence_once" unique ("evidence_id");`);
    this.addSql(`create index "external_activity_person_idx" on "external_activity" ("person_id", "created_at", "id");`);
    this.addSql(`create index "external_activity_queue_idx" on "external_activity" ("agency_id", "status", "created_at", "id");`);

    this.addSql(`alter table "external_activity_evidence" add constraint "external_activity_evidence_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "external_activity_evidence" add constraint "external_activity_evidence_type" check (content_type in ('application/pdf', 'image/jpeg', 'image/png'));`);
    this.addSql(`alter table "external_activity_evidence" add constraint "external_activity_evidence_size" check (byte_size > 0 and byte_size <= 5242880);`);

    this.addSql(`alter table "external_activity" add constraint "external_activity_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete no action;`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_evidence_id_foreign" foreign key ("evidence_id") references "external_activity_evidence" ("id") on delete no action;`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_decision" check ((status = 'PENDING' and decided_at is null) or (status = 'VERIFIED' and decided_at is not null) or (status = 'REJECTED' and decided_at is not null and rejection_reason is not null));`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_jp_positive" check (jp > 0 and jp <= 1000);`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_dates_ordered" check (starts_on <= ends_on);`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_form_check" check ("form" in ('DEGREE_STUDY', 'LEADERSHIP_TRAINING', 'MANAGERIAL_TRAINING', 'TECHNICAL_TRAINING', 'FUNCTIONAL_TRAINING', 'SOCIO_CULTURAL_TRAINING', 'SEMINAR', 'WORKSHOP', 'COURSE', 'UPGRADING', 'TECHNICAL_GUIDANCE', 'SOCIALISATION', 'COACHING', 'MENTORING', 'E_LEARNING', 'DISTANCE_LEARNING', 'SECONDMENT', 'OUTBOUND', 'BENCHMARKING', 'STAFF_EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE', 'ON_THE_JOB_GUIDANCE', 'INTERNSHIP'));`);
    this.addSql(`alter table "external_activity" add constraint "external_activity_status_check" check ("status" in ('PENDING', 'VERIFIED', 'REJECTED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "external_activity" drop constraint "external_activity_evidence_id_foreign";`);

    this.addSql(`drop table if exists "external_activity_evidence" cascade;`);
    this.addSql(`drop table if exists "external_activity" cascade;`);
  }

}
