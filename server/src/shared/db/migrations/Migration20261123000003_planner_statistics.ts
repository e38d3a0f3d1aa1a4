import { Migration } from '@mikro-orm/migrations';

/**
 * Planner statistics the entities cannot express. "Does anyone report to this person?" runs for the
 * viewer of every request (an EXISTS over person.supervisor_id). PostgreSQL estimates the reports of
 * an unknown supervisor as rows ÷ distinct supervisors; where few heads have many staff (or before
 * VACUUM has set the visibility map) that makes a whole-table scan look cheaper than the index, and
 * every request of a non-supervisor then reads the whole person table. Declaring the column's
 * distinct values as 5 % of rows (a span of control of about 20) keeps the index probe; estimates
 * for known supervisor ids still come from the collected most-common values. Takes effect at the next
 * ANALYZE (autovacuum, or the one below).
 */
export class Migration20261123000003_planner_statistics extends Migration {
  override up(): void {
    this.addSql(`alter table person alter column supervisor_id set (n_distinct = -0.05);`);
    this.addSql(`analyze person;`);
  }
}
