import type { TestApp } from './test-app.js';

/**
 * Writes a ledger line of `minutes` for a course-run completion on 1 June of `year` (JP as credited by the rule in force
 * that day) and adds it to the person's yearly total, the way a credit does: for tests of the readings of the ledger,
 * which need lines in past years without running the courses.
 */
export async function creditLedgerLine(app: TestApp, personId: string, year: number, minutes: number, title: string): Promise<void> {
  const [line] = await app.sql<{ jp: string }>(
    `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, title, occurred_at)
     select $1, $2::int, $3::int, floor($3::int * 10.0 / r.minutes_per_jp) / 10, r.id, 'COURSE_RUN_COMPLETION', gen_random_uuid(), 'CREDITED', $4,
            make_timestamptz($2::int, 6, 1, 9, 0, 0, 'Asia/Jakarta')
       from (select id, minutes_per_jp from learning_rule_set where valid_from <= make_date($2::int, 6, 1) order by valid_from desc limit 1) r
     returning jp`,
    [personId, year, minutes, title],
  );
  await app.sql(
    `insert into person_learning_year (person_id, year, minutes, jp) values ($1, $2, $3, $4)
     on conflict (person_id, year) do update set minutes = person_learning_year.minutes + excluded.minutes, jp = person_learning_year.jp + excluded.jp`,
    [personId, year, minutes, line.jp],
  );
}
