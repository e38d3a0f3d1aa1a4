import { Migration } from '@mikro-orm/migrations';

export class Migration20261204000000_learning_exports extends Migration {

  override name = 'Migration20261204000000_learning_exports';

  override up(): void | Promise<void> {
    this.addSql(`create table "learning_export" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "requested_by_id" uuid not null, "agency_id" uuid not null, "year" smallint null, "format" text not null, "locale" text not null, "status" text not null default 'PENDING', "line_count" int null, "byte_size" int null, "content" bytea null, "finished_at" timestamptz null, "expires_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "learning_export_requested_by_id_created_at_index" on "learning_export" ("requested_by_id", "created_at");`);

    this.addSql(`alter table "learning_export" add constraint "learning_export_requested_by_id_foreign" foreign key ("requested_by_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "learning_export" add constraint "learning_export_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "learning_export" add constraint "learning_export_ready_has_file" check ((status = 'READY') = (content is not null));`);
    this.addSql(`alter table "learning_export" add constraint "learning_export_locale_known" check (locale in ('id', 'en'));`);
    this.addSql(`alter table "learning_export" add constraint "learning_export_status_known" check (status in ('PENDING', 'READY', 'FAILED'));`);
    this.addSql(`alter table "learning_export" add constraint "learning_export_format_known" check (format in ('CSV', 'XLSX'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "learning_export" cascade;`);
  }

}
