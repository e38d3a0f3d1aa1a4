import { Migration } from '@mikro-orm/migrations';

/**
 * Workshop sessions and materials (ARCHITECTURE.md "Workshops"): a cancelled session keeps the reason registrants
 * were told; a run's materials (`run_material`: an https link or a file of at most 20 MB kept as bytea); and one
 * `session_reminder` row per session and person, so the "session tomorrow" mail goes out once.
 */
export class Migration20261203810000_session_materials extends Migration {

  override name = 'Migration20261203810000_session_materials';

  override up(): void | Promise<void> {
    this.addSql(`create table "run_material" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "run_id" uuid not null, "title" varchar(200) not null, "url" varchar(1000) null, "content" bytea null, "content_type" varchar(120) null, "file_name" varchar(200) null, "byte_size" int null, "sha256" varchar(64) null, "created_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "run_material_run_idx" on "run_material" ("run_id", "created_at");`);

    this.addSql(`create table "session_reminder" ("session_id" uuid not null, "person_id" uuid not null, "sent_at" timestamptz not null default now(), primary key ("session_id", "person_id"));`);

    this.addSql(`alter table "run_session" add "cancel_reason" varchar(500) null;`);

    this.addSql(`alter table "run_material" add constraint "run_material_run_id_foreign" foreign key ("run_id") references "course_run" ("id") on delete cascade;`);
    this.addSql(`alter table "run_material" add constraint "run_material_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "run_material" add constraint "run_material_size" check (content is null or (byte_size > 0 and byte_size <= 20971520));`);
    this.addSql(`alter table "run_material" add constraint "run_material_link_or_file" check ((url is null) <> (content is null));`);

    this.addSql(`alter table "session_reminder" add constraint "session_reminder_session_id_foreign" foreign key ("session_id") references "run_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session_reminder" add constraint "session_reminder_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "run_material" cascade;`);
    this.addSql(`drop table if exists "session_reminder" cascade;`);

    this.addSql(`alter table "run_session" drop column "cancel_reason";`);
  }

}
