import { Migration } from '@mikro-orm/migrations';

/**
 * The rule set in force: 45 minutes per JP (LAN's common reading) and at least 20 JP of
 * competency development per civil servant per year (PP 11/2017 jo. PP 17/2020). Reference data,
 * so it ships with the schema; later rule sets are added by platform admins with their own validFrom.
 */
export class Migration20261123000002_learning_rules extends Migration {
  override up(): void {
    this.addSql(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp, non_classroom_defaults, legal_basis)
      values ('2017-01-01', 45, 20,
        '{"COACHING": 2, "MENTORING": 2, "E_LEARNING": 2, "SELF_STUDY": 2, "COMMUNITY_OF_PRACTICE": 2, "ON_THE_JOB_GUIDANCE": 2, "BENCHMARKING": 8, "OUTBOUND": 8, "DISTANCE_LEARNING": 8, "SECONDMENT": 40, "STAFF_EXCHANGE": 40, "INTERNSHIP": 40}',
        'PP 11/2017 jo. PP 17/2020; Peraturan LAN tentang pengembangan kompetensi PNS')
      on conflict (valid_from) do nothing;`);
  }
}
