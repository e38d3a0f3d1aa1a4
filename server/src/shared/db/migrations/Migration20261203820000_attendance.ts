import { Migration } from '@mikro-orm/migrations';

/**
 * Workshop attendance (ARCHITECTURE.md "Workshops"): the check-in code limit per person (`check_in_limit`), the
 * server secret the check-in tokens are signed with when LENTERA_SECRET is not set (`server_secret`), the marker of
 * a settled workshop run (`workshop_run_settlement`), and the ledger's "credited once" index narrowed to standing
 * credits, so a corrected workshop attendance takes its credit back (REVOKED + reversal line) and credits anew
 * under the same source id (ARCHITECTURE.md "Learning hours").
 */
export class Migration20261203820000_attendance extends Migration {

  override name = 'Migration20261203820000_attendance';

  override up(): void | Promise<void> {
    this.addSql(`create table "check_in_limit" ("person_id" uuid not null, "window_started_at" timestamptz not null default now(), "attempts" int not null default 0, primary key ("person_id"));`);

    this.addSql(`create table "server_secret" ("name" varchar(40) not null, "value" text not null, "created_at" timestamptz not null default now(), primary key ("name"));`);

    this.addSql(`create table "workshop_run_settlement" ("run_id" uuid not null, "settled_at" timestamptz not null default now(), "completed" int not null default 0, "failed" int not null default 0, primary key ("run_id"));`);
    this.addSql(`alter table "workshop_run_settlement" add constraint "workshop_run_settlement_run_id_foreign" foreign key ("run_id") references "course_run" ("id") on update cascade on delete cascade;`);

    this.addSql(`drop index "learning_record_source_once";`);
    this.addSql(`create unique index "learning_record_source_once" on "learning_record" ("source", "source_id") where "reverses_id" is null and "status" <> 'REVOKED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "learning_record_source_once";`);
    this.addSql(`create unique index "learning_record_source_once" on "learning_record" ("source", "source_id") where "reverses_id" is null;`);
    this.addSql(`drop table if exists "check_in_limit" cascade;`);
    this.addSql(`drop table if exists "server_secret" cascade;`);
    this.addSql(`drop table if exists "workshop_run_settlement" cascade;`);
  }

}
