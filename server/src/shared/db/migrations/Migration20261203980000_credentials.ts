import { Migration } from '@mikro-orm/migrations';

export class Migration20261203980000_credentials extends Migration {

  override name = 'Migration20261203980000_credentials';

  override up(): void | Promise<void> {
    this.addSql(`create table "credential_status_list" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "bits" bytea not null, "next_index" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "credential_status_list_agency_id_index" on "credential_status_list" ("agency_id");`);

    this.addSql(`create table "credential_issuer_key" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "public_key_multibase" varchar(64) not null, "secret_key_encrypted" bytea not null, "retired_at" timestamptz null, "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "credential_issuer_key_agency_id_index" on "credential_issuer_key" ("agency_id");`);
    this.addSql(`create unique index "credential_issuer_key_one_active" on "credential_issuer_key" ("agency_id") where "retired_at" is null;`);

    this.addSql(`create table "certificate_credential" ("certificate_id" uuid not null, "status_list_id" uuid not null, "status_index" int not null, "key_id" uuid null, "document" text null, "signed_at" timestamptz null, primary key ("certificate_id"));`);
    this.addSql(`create index "certificate_credential_key_id_index" on "certificate_credential" ("key_id");`);
    this.addSql(`alter table "certificate_credential" add constraint "certificate_credential_status_slot" unique ("status_list_id", "status_index");`);

    this.addSql(`alter table "credential_status_list" add constraint "credential_status_list_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "credential_status_list" add constraint "credential_status_list_next" check (next_index between 0 and 131072);`);
    this.addSql(`alter table "credential_status_list" add constraint "credential_status_list_size" check (octet_length(bits) = 16384);`);

    this.addSql(`alter table "credential_issuer_key" add constraint "credential_issuer_key_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "credential_issuer_key" add constraint "credential_issuer_key_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "credential_issuer_key" add constraint "credential_issuer_key_multibase" check (public_key_multibase like 'z6Mk%');`);

    this.addSql(`alter table "certificate_credential" add constraint "certificate_credential_certificate_id_foreign" foreign key ("certificate_id") references "certificate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate_credential" add constraint "certificate_credential_status_list_id_foreign" foreign key ("status_list_id") references "credential_status_list" ("id") on delete no action;`);
    this.addSql(`alter table "certificate_credential" add constraint "certificate_credential_key_id_foreign" foreign key ("key_id") references "credential_issuer_key" ("id") on delete no action;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "certificate_credential" drop constraint "certificate_credential_status_list_id_foreign";`);
    this.addSql(`alter table "certificate_credential" drop constraint "certificate_credential_key_id_foreign";`);

    this.addSql(`drop table if exists "credential_status_list" cascade;`);
    this.addSql(`drop table if exists "credential_issuer_key" cascade;`);
    this.addSql(`drop table if exists "certificate_credential" cascade;`);
  }

}
