import { Migration } from '@mikro-orm/migrations';

/**
 * The learning-hours ledger for every source. The first release's `learning_record` rows (one per completed
 * enrolment, keyed by `enrolment_id`, JP derived later with whatever rule is in force) move onto the new shape in
 * place, without loss:
 * - source COURSE_COMPLETION becomes COURSE_RUN_COMPLETION and the source id is the enrolment id (a line whose
 *   enrolment is gone keeps its own id, so it stays unique and is kept);
 * - JP as credited = the line's minutes over the minutes per JP of the rule set in force on the line's date
 *   (Asia/Jakarta; the earliest rule set for a line older than every rule), 1 decimal rounded down, as the first
 *   release showed it then; that rule set is the line's rule set;
 * - agency and org unit = the person's CURRENT ones: the first release did not keep where a person was when they
 *   learned, so this is the best there is (lines credited from now on keep the real ones);
 * - status CREDITED; the yearly minutes stay exactly as they were, and the yearly JP are the sum of the lines' JP.
 * The source becomes text with a CHECK constraint instead of the native enum `learning_source`, so a later
 * migration can add a source and use it in the same run.
 */
export class Migration20261202200000_learning_ledger extends Migration {
  override up(): void {
    this.addSql(`alter table "learning_record"
      add column "jp" numeric(6,1) null,
      add column "rule_set_id" uuid null,
      add column "source_id" uuid null,
      add column "status" text null,
      add column "reverses_id" uuid null,
      add column "reason" text null,
      add column "agency_id" uuid null,
      add column "org_unit_id" uuid null;`);
    this.addSql(`alter table "learning_record" alter column "source" type text
      using (case "source"::text when 'COURSE_COMPLETION' then 'COURSE_RUN_COMPLETION' else "source"::text end);`);
    this.addSql(`drop type "learning_source";`);

    this.addSql(`with moved as (
        select lr."id", r."id" as "rule_set_id", floor(lr."minutes" * 10.0 / r."minutes_per_jp") / 10 as "jp"
          from "learning_record" lr
          cross join lateral (
            select rs."id", rs."minutes_per_jp" from "learning_rule_set" rs
             order by rs."valid_from" <= (lr."occurred_at" at time zone 'Asia/Jakarta')::date desc,
                      case when rs."valid_from" <= (lr."occurred_at" at time zone 'Asia/Jakarta')::date then rs."valid_from" end desc nulls last,
                      rs."valid_from" asc
             limit 1) r)
      update "learning_record" lr set
        "source_id" = coalesce(lr."enrolment_id", lr."id"),
        "status" = 'CREDITED',
        "rule_set_id" = moved."rule_set_id",
        "jp" = moved."jp",
        "agency_id" = p."agency_id",
        "org_unit_id" = p."org_unit_id"
      from moved, "person" p
      where moved."id" = lr."id" and p."id" = lr."person_id";`);

    this.addSql(`alter table "learning_record"
      alter column "jp" set not null,
      alter column "rule_set_id" set not null,
      alter column "source_id" set not null,
      alter column "status" set not null;`);
    this.addSql(`alter table "learning_record" drop constraint "learning_record_enrolment_id_foreign";`);
    this.addSql(`alter table "learning_record" drop constraint "learning_record_enrolment_id_unique";`);
    this.addSql(`alter table "learning_record" drop column "enrolment_id";`);
    this.addSql(`alter table "learning_record" drop constraint "learning_record_minutes_positive";`);

    this.addSql(`alter table "learning_record" add constraint "learning_record_rule_set_id_foreign" foreign key ("rule_set_id") references "learning_rule_set" ("id");`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_reverses_id_foreign" foreign key ("reverses_id") references "learning_record" ("id");`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_reverses_id_unique" unique ("reverses_id");`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on delete set null;`);
    this.addSql(`create unique index "learning_record_source_once" on "learning_record" ("source", "source_id") where "reverses_id" is null;`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_source_known" check (source in ('COURSE_RUN_COMPLETION', 'WORKSHOP_ATTENDANCE', 'PROGRAMME_COMPLETION', 'EXTERNAL_ACTIVITY', 'MENTORING', 'CORRECTION'));`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_status_known" check (status in ('CREDITED', 'PENDING_VERIFICATION', 'REJECTED', 'REVOKED'));`);
    this.addSql(`alter table "learning_record" add constraint "learning_record_sign" check ((reverses_id is null and minutes > 0 and jp >= 0) or (reverses_id is not null and minutes < 0 and jp <= 0 and status = 'REVOKED'));`);

    // Yearly totals: minutes untouched; JP = the sum of the year's lines as credited.
    this.addSql(`alter table "person_learning_year" add column "jp" numeric(7,1) not null default 0;`);
    this.addSql(`update "person_learning_year" y set "jp" = s."jp"
      from (select "person_id", "year", sum("jp") as "jp" from "learning_record" group by "person_id", "year") s
      where s."person_id" = y."person_id" and s."year" = y."year";`);
    this.addSql(`alter table "person_learning_year" add constraint "person_learning_year_non_negative" check (minutes >= 0 and jp >= 0);`);
  }
}
