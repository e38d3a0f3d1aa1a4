import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
// Entities import entities directly (as every entity does).
import { CourseRun } from '../run/run.entity.js';

/**
 * The marker that a workshop run's attendance was settled (completion and JP, workshop-credit.ts): written in the
 * settling transaction, its key (the run) makes a second run of the job, or two workers at once, settle nothing again.
 * Corrections after it re-settle one person in their own transaction.
 */
@Entity({ tableName: 'workshop_run_settlement' })
export class WorkshopRunSettlement {
  @OneToOne(() => CourseRun, { primary: true, deleteRule: 'cascade', owner: true })
  run: Rel<CourseRun>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  settledAt: Date & Opt = new Date();

  /** Seat holders settled: completed + failed. */
  @Property({ type: 'integer', default: 0 })
  completed: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  failed: number & Opt = 0;

  constructor(run: CourseRun) {
    this.run = run;
  }
}
