import { Migration } from '@mikro-orm/migrations';

export class Migration20261203950000_certificates extends Migration {

  override name = 'Migration20261203950000_certificates';

  override up(): void | Promise<void> {
    this.addSql(`create table "certificate_serial_counter" ("agency_id" uuid not null, "year" smallint not null, "last_number" int not null, primary key ("agency_id", "year"));`);

    this.addSql(`create table "certificate_signer" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid null, "partner_id" uuid null, "name" varchar(200) not null, "position" varchar(200) not null, "display_order" smallint not null default 1, "active" boolean not null default true, "signature_image" bytea null, primary key ("id"));`);
    this.addSql(`create index "certificate_signer_agency_id_index" on "certificate_signer" ("agency_id");`);
    this.addSql(`create index "certificate_signer_partner_id_index" on "certificate_signer" ("partner_id");`);

    this.addSql(`create table "certificate" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "source" text not null, "source_id" uuid not null, "issuing_agency_id" uuid not null, "partner_id" uuid null, "serial" varchar(80) not null, "serial_year" smallint not null, "serial_number" int not null, "verification_code" varchar(40) not null, "recipient_name" varchar(200) not null, "recipient_nip" varchar(18) null, "title" varchar(300) not null, "form" text null, "jp" numeric(6,1) not null, "competencies" text[] not null default '{}', "starts_on" date null, "ends_on" date null, "completed_at" timestamptz not null, "agency_name" varchar(200) not null, "partner_name" varchar(200) null, "signers" jsonb not null default '[]', "issued_at" timestamptz not null default now(), "status" text not null default 'VALID', "revoked_at" timestamptz null, "revoked_by_id" uuid null, "revoked_reason" text null, "supersedes_id" uuid null, "issued_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "certificate" add constraint "certificate_serial_unique" unique ("serial");`);
    this.addSql(`alter table "certificate" add constraint "certificate_verification_code_unique" unique ("verification_code");`);
    this.addSql(`alter table "certificate" add constraint "certificate_supersedes_id_unique" unique ("supersedes_id");`);
    this.addSql(`create index "certificate_agency_issued_idx" on "certificate" ("issuing_agency_id", "issued_at", "id");`);
    this.addSql(`create index "certificate_person_id_issued_at_index" on "certificate" ("person_id", "issued_at");`);
    this.addSql(`create unique index "certificate_valid_once_per_source" on "certificate" ("source", "source_id") where "status" = 'VALID';`);
    this.addSql(`alter table "certificate" add constraint "certificate_serial_per_agency_year" unique ("issuing_agency_id", "serial_year", "serial_number");`);

    this.addSql(`alter table "certificate_serial_counter" add constraint "certificate_serial_counter_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "certificate_serial_counter" add constraint "certificate_serial_counter_positive" check (last_number > 0);`);

    this.addSql(`alter table "certificate_signer" add constraint "certificate_signer_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "certificate_signer" add constraint "certificate_signer_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id") on delete cascade;`);
    this.addSql(`alter table "certificate_signer" add constraint "certificate_signer_image_size" check (signature_image is null or octet_length(signature_image) <= 524288);`);
    this.addSql(`alter table "certificate_signer" add constraint "certificate_signer_one_owner" check ((agency_id is null) <> (partner_id is null));`);

    this.addSql(`alter table "certificate" add constraint "certificate_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "certificate" add constraint "certificate_issuing_agency_id_foreign" foreign key ("issuing_agency_id") references "agency" ("id") on delete no action;`);
    this.addSql(`alter table "certificate" add constraint "certificate_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id") on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_revoked_by_id_foreign" foreign key ("revoked_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_supersedes_id_foreign" foreign key ("supersedes_id") references "certificate" ("id") on delete no action;`);
    this.addSql(`alter table "certificate" add constraint "certificate_issued_by_id_foreign" foreign key ("issued_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_serial_positive" check (serial_number > 0);`);
    this.addSql(`alter table "certificate" add constraint "certificate_revocation_complete" check ((status = 'REVOKED') = (revoked_at is not null));`);
    this.addSql(`alter table "certificate" add constraint "certificate_status_known" check (status in ('VALID', 'REVOKED', 'SUPERSEDED'));`);
    this.addSql(`alter table "certificate" add constraint "certificate_source_known" check (source in ('COURSE_RUN', 'WORKSHOP', 'PROGRAMME', 'EXTERNAL_ACTIVITY'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "certificate" drop constraint "certificate_supersedes_id_foreign";`);

    this.addSql(`drop table if exists "certificate_serial_counter" cascade;`);
    this.addSql(`drop table if exists "certificate_signer" cascade;`);
    this.addSql(`drop table if exists "certificate" cascade;`);
  }

}
