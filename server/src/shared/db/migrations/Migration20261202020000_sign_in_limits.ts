import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in throttling moves from hand-written counters (`login_throttle`, which parallel guesses got
 * around) to rate-limiter-flexible's atomic counters. Its PostgreSQL store would create this table
 * itself; here it is created under migrations (`tableCreated: true` in sign-in-limits.ts), in the
 * shape the store expects: `expire` in epoch milliseconds.
 */
export class Migration20261202020000_sign_in_limits extends Migration {
  override up(): void {
    this.addSql(`drop table if exists "login_throttle";`);
    this.addSql(`create table "sign_in_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, primary key ("key"));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "sign_in_limit";`);
    this.addSql(`create table "login_throttle" ("identifier" varchar(254) not null, "failures" int not null default 0, "locked_until" timestamptz null, "last_failure_at" timestamptz not null default now(), primary key ("identifier"));`);
  }
}
