import { Migration } from '@mikro-orm/migrations';

export class Migration20261203970000_certificate_pdf extends Migration {

  override name = 'Migration20261203970000_certificate_pdf';

  override up(): void | Promise<void> {
    this.addSql(`create table "organisation_logo" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid null, "partner_id" uuid null, "content" bytea not null, "content_type" varchar(20) not null, "byte_size" int not null, "sha256" varchar(64) not null, "uploaded_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_agency_id_unique" unique ("agency_id");`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_partner_id_unique" unique ("partner_id");`);

    this.addSql(`create table "certificate_pdf" ("certificate_id" uuid not null, "status" text not null default 'PENDING', "content" bytea null, "rendered_at" timestamptz null, "error" text null, "attempts" smallint not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("certificate_id"));`);
    this.addSql(`create index "certificate_pdf_unfinished_idx" on "certificate_pdf" ("status") where "status" <> 'DONE';`);

    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id") on delete cascade;`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_size" check (byte_size > 0 and byte_size <= 1048576);`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_type_known" check (content_type in ('image/png', 'image/jpeg'));`);
    this.addSql(`alter table "organisation_logo" add constraint "organisation_logo_one_owner" check ((agency_id is null) <> (partner_id is null));`);

    this.addSql(`alter table "certificate_pdf" add constraint "certificate_pdf_certificate_id_foreign" foreign key ("certificate_id") references "certificate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate_pdf" add constraint "certificate_pdf_done_has_content" check ((status = 'DONE') = (content is not null));`);
    this.addSql(`alter table "certificate_pdf" add constraint "certificate_pdf_status_known" check (status in ('PENDING', 'DONE', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organisation_logo" cascade;`);
    this.addSql(`drop table if exists "certificate_pdf" cascade;`);
  }

}
