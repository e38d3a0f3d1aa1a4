import { Migration } from '@mikro-orm/migrations';

/**
 * Time zones and calendars (calendar module, ARCHITECTURE.md "Time zones and calendars"):
 * - `course_run.time_zone`: the venue's zone (WIB, WITA, WIT), from the owning agency's zone for existing runs
 *   (WIB for runs of partner-owned courses);
 * - `person.time_zone` is held to the same three zones and starts from the person's agency's zone (nothing let a
 *   person choose one before, so every row held the column default);
 * - `calendar_feed`: one private feed per person, only the SHA-256 of its token.
 */
export class Migration20261203600000_calendars extends Migration {
  override up(): void {
    this.addSql(`create table "calendar_feed" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "token_hash" varchar(64) not null, primary key ("id"));`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_person_unique" unique ("person_id");`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`update "person" p set "time_zone" = case when a."time_zone" in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura') then a."time_zone" else 'Asia/Jakarta' end
                   from "agency" a where a."id" = p."agency_id";`);
    this.addSql(`update "person" set "time_zone" = 'Asia/Jakarta' where "time_zone" not in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');`);
    this.addSql(`alter table "person" add constraint "person_time_zone_known" check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));`);

    this.addSql(`alter table "course_run" add "time_zone" varchar(40) not null default 'Asia/Jakarta';`);
    this.addSql(`update "course_run" r set "time_zone" = a."time_zone"
                   from "course" c join "agency" a on a."id" = c."owner_agency_id"
                  where c."id" = r."course_id" and a."time_zone" in ('Asia/Makassar', 'Asia/Jayapura');`);
    this.addSql(`alter table "course_run" add constraint "course_run_time_zone_known" check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "calendar_feed" cascade;`);
    this.addSql(`alter table "course_run" drop constraint "course_run_time_zone_known";`);
    this.addSql(`alter table "course_run" drop column "time_zone";`);
    this.addSql(`alter table "person" drop constraint "person_time_zone_known";`);
  }
}
