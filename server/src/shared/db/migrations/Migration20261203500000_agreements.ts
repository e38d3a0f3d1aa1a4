import { Migration } from '@mikro-orm/migrations';

/**
 * Cooperation agreements (MoU / PKS) between a partner institution and agencies, their uploaded PDF documents
 * (bytea, see agreement.entity.ts) and the record of expiry notices sent (agreement module).
 */
export class Migration20261203500000_agreements extends Migration {

  override name = 'Migration20261203500000_agreements';

  override up(): void | Promise<void> {
    this.addSql(`create table "agreement_document" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "content" bytea not null, "byte_size" int not null, "sha256" varchar(64) not null, "uploaded_by_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "agreement_document_uploaded_by_id_index" on "agreement_document" ("uploaded_by_id");`);

    this.addSql(`create table "agreement" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" text not null, "number" varchar(100) not null, "title" varchar(300) not null, "partner_id" uuid not null, "valid_from" date not null, "valid_to" date not null, "scope" text[] not null, "document_id" uuid null, "document_url" varchar(500) null, "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "agreement" add constraint "agreement_document_once" unique ("document_id");`);
    this.addSql(`create index "agreement_partner_valid_to_idx" on "agreement" ("partner_id", "valid_to");`);
    this.addSql(`alter table "agreement" add constraint "agreement_number_per_partner" unique ("partner_id", "number");`);

    this.addSql(`create table "agreement_expiry_notice" ("agreement_id" uuid not null, "days_before" int not null, "valid_to" date not null, "sent_at" timestamptz not null default now(), primary key ("agreement_id", "days_before", "valid_to"));`);

    this.addSql(`create table "agreement_agency" ("agreement_id" uuid not null, "agency_id" uuid not null, primary key ("agreement_id", "agency_id"));`);

    this.addSql(`alter table "agreement_document" add constraint "agreement_document_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "person" ("id");`);
    this.addSql(`alter table "agreement_document" add constraint "agreement_document_size" check (byte_size > 0 and byte_size <= 10485760);`);

    this.addSql(`alter table "agreement" add constraint "agreement_partner_id_foreign" foreign key ("partner_id") references "partner_institution" ("id");`);
    this.addSql(`alter table "agreement" add constraint "agreement_document_id_foreign" foreign key ("document_id") references "agreement_document" ("id") on delete set null;`);
    this.addSql(`alter table "agreement" add constraint "agreement_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "agreement" add constraint "agreement_scope_not_empty" check (cardinality(scope) > 0);`);
    this.addSql(`alter table "agreement" add constraint "agreement_one_document" check (document_id is null or document_url is null);`);
    this.addSql(`alter table "agreement" add constraint "agreement_dates_ordered" check (valid_from <= valid_to);`);
    this.addSql(`alter table "agreement" add constraint "agreement_kind_check" check ("kind" in ('MOU', 'PKS'));`);

    this.addSql(`alter table "agreement_expiry_notice" add constraint "agreement_expiry_notice_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on delete cascade;`);

    this.addSql(`alter table "agreement_agency" add constraint "agreement_agency_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement_agency" add constraint "agreement_agency_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "agreement" drop constraint "agreement_document_id_foreign";`);
    this.addSql(`alter table "agreement_expiry_notice" drop constraint "agreement_expiry_notice_agreement_id_foreign";`);
    this.addSql(`alter table "agreement_agency" drop constraint "agreement_agency_agreement_id_foreign";`);

    this.addSql(`drop table if exists "agreement_document" cascade;`);
    this.addSql(`drop table if exists "agreement" cascade;`);
    this.addSql(`drop table if exists "agreement_expiry_notice" cascade;`);
    this.addSql(`drop table if exists "agreement_agency" cascade;`);
  }

}
