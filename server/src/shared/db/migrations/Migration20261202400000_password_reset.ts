import { Migration } from '@mikro-orm/migrations';

/**
 * Password reset links sent by e-mail (auth/password-reset.service.ts): the SHA-256 of each link's token,
 * its person, when it expires and when it was used. The job queue's own tables live in the `pgboss`
 * schema, which pg-boss creates and migrates itself at start (shared/jobs/queue.ts).
 */
export class Migration20261202400000_password_reset extends Migration {
  override up(): void {
    this.addSql(`create table "password_reset" ("token_hash" varchar(64) not null, "person_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("token_hash"));`);
    this.addSql(`create index "password_reset_person_id_index" on "password_reset" ("person_id");`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
  }

  override down(): void {
    this.addSql(`drop table if exists "password_reset" cascade;`);
  }
}
