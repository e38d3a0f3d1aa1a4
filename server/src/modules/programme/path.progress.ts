import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { EnrolmentStatus } from '../enrolment/index.js';
import { LearningRecordStatus, LearningSource } from '../learning-hours/index.js';
import { ProgrammeCompletionRule } from './programme.entity.js';
import { ProgrammeItemState, type ProgrammeItemProgress, type ProgrammeProgress } from './path.types.js';

/** One step of a participant's path as the database has it. */
export interface PathStep {
  itemId: string;
  position: number;
  required: boolean;
  groupId: string | null;
  /** When the person completed the item's course, in any run (the latest such completion); null: not completed. */
  completedAt: Date | null;
  completedElsewhere: boolean;
  /** The person's enrolment in the cohort's run of the item, if any. */
  cohortEnrolmentStatus: EnrolmentStatus | null;
  runStarted: boolean;
  jp: number;
}

export interface PathGroup {
  id: string;
  minCompleted: number;
}

export interface ParticipantPath {
  participantId: string;
  rule: ProgrammeCompletionRule;
  steps: PathStep[];
  groups: PathGroup[];
}

/**
 * The paths of these participants, in two statements whatever their number: every item of their programme with the
 * person's completion of its course (any run: a course is completed once, so an earlier run counts), their
 * enrolment in the cohort's run of it, and the JP of the completion's standing ledger lines; then the groups.
 */
export async function readPaths(em: EntityManager, participantIds: readonly string[]): Promise<Map<string, ParticipantPath>> {
  const ids = [...new Set(participantIds)];
  const paths = new Map<string, ParticipantPath>();
  if (!ids.length) return paths;
  const rows = await db({ em }).selectFrom('cohort_participant as cp')
    .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .innerJoin('programme_item as i', 'i.programme_id', 'p.id')
    .leftJoin('cohort_item_run as cir', (j) => j.onRef('cir.cohort_id', '=', 'c.id').onRef('cir.item_id', '=', 'i.id'))
    .leftJoin('course_run as r', 'r.id', 'cir.run_id')
    .leftJoin('enrolment as ce', (j) => j.onRef('ce.run_id', '=', 'cir.run_id').onRef('ce.person_id', '=', 'cp.person_id'))
    .leftJoinLateral((eb) => eb.selectFrom('enrolment as e')
      .select(['e.id', 'e.run_id', 'e.finished_at'])
      .whereRef('e.person_id', '=', 'cp.person_id').whereRef('e.course_id', '=', 'i.course_id')
      .where('e.status', '=', EnrolmentStatus.COMPLETED)
      .orderBy('e.finished_at', 'desc').limit(1)
      .as('done'), (j) => j.onTrue())
    .select((eb) => [
      'cp.id as participant_id', 'p.completion_rule', 'i.id as item_id', 'i.position', 'i.required', 'i.group_id',
      'done.finished_at as completed_at', sql<boolean>`(done.id is not null and done.run_id is distinct from cir.run_id)`.as('completed_elsewhere'),
      'ce.status as cohort_status', sql<boolean>`coalesce(r.starts_at <= now(), true)`.as('run_started'),
      // The item's lines as they stand now: a credit still in force (a reversed one is REVOKED), never a reversal line.
      eb.selectFrom('learning_record as lr').select(sql<number>`coalesce(sum(lr.jp), 0)::float8`.as('jp'))
        .whereRef('lr.source_id', '=', 'done.id')
        .where('lr.source', 'in', [LearningSource.COURSE_RUN_COMPLETION, LearningSource.WORKSHOP_ATTENDANCE])
        .where('lr.status', '=', LearningRecordStatus.CREDITED).where('lr.reverses_id', 'is', null)
        .as('jp'),
    ])
    .where('cp.id', '=', sql<string>`any(${ids}::uuid[])`)
    .orderBy('cp.id').orderBy('i.position').orderBy('i.id')
    .execute();
  for (const r of rows) {
    let path = paths.get(r.participant_id);
    if (!path) {
      path = { participantId: r.participant_id, rule: r.completion_rule, steps: [], groups: [] };
      paths.set(r.participant_id, path);
    }
    path.steps.push({
      itemId: r.item_id, position: r.position, required: r.required, groupId: r.group_id,
      completedAt: r.completed_at ? new Date(r.completed_at) : null, completedElsewhere: r.completed_elsewhere,
      cohortEnrolmentStatus: r.cohort_status, runStarted: r.run_started, jp: Number(r.jp ?? 0),
    });
  }
  const withGroups = [...paths.values()].filter((p) => p.steps.some((s) => s.groupId));
  if (withGroups.length) {
    // Every group of these programmes, those without items too (a group nobody can fill is never met).
    const groups = await db({ em }).selectFrom('cohort_participant as cp')
      .innerJoin('programme_cohort as c', 'c.id', 'cp.cohort_id')
      .innerJoin('programme_group as g', 'g.programme_id', 'c.programme_id')
      .select(['cp.id as participant_id', 'g.id', 'g.min_completed'])
      .where('cp.id', '=', sql<string>`any(${withGroups.map((p) => p.participantId)}::uuid[])`)
      .orderBy('g.created_at').orderBy('g.id')
      .execute();
    for (const g of groups) paths.get(g.participant_id)?.groups.push({ id: g.id, minCompleted: g.min_completed });
  }
  return paths;
}

/** Required steps in path order, each with whether it counts for IN_ORDER (completed no earlier than the one before it). */
function inOrderFlags(steps: PathStep[]): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  let previous: Date | null = null;
  let chainIntact = true;
  for (const s of steps.filter((x) => x.required)) {
    const inOrder = chainIntact && !!s.completedAt && (!previous || s.completedAt.getTime() >= previous.getTime());
    flags.set(s.itemId, inOrder);
    if (!inOrder) chainIntact = false;
    previous = s.completedAt;
  }
  return flags;
}

/**
 * Whether the path meets its programme's completion rule. ALL_REQUIRED: every required item completed. IN_ORDER: every
 * required item completed, each no earlier than the required item before it (by position). GROUPS: every required
 * item, and at least `minCompleted` items of each group. Optional items never block; a path with nothing completed
 * is never complete.
 */
export function ruleMet(path: ParticipantPath): boolean {
  const { steps, rule } = path;
  if (!steps.some((s) => s.completedAt)) return false;
  const required = steps.filter((s) => s.required);
  if (!required.every((s) => s.completedAt)) return false;
  if (rule === ProgrammeCompletionRule.IN_ORDER) return required.every((s) => inOrderFlags(steps).get(s.itemId));
  if (rule === ProgrammeCompletionRule.GROUPS) return path.groups.every((g) => groupDone(steps, g) >= g.minCompleted);
  return true;
}

const groupDone = (steps: PathStep[], g: PathGroup) => steps.filter((s) => s.groupId === g.id && s.completedAt).length;

function stateOf(s: PathStep): ProgrammeItemState {
  if (s.completedAt) return ProgrammeItemState.COMPLETED;
  if (s.cohortEnrolmentStatus === EnrolmentStatus.FAILED) return ProgrammeItemState.FAILED;
  if (s.cohortEnrolmentStatus === EnrolmentStatus.ACTIVE) return s.runStarted ? ProgrammeItemState.IN_PROGRESS : ProgrammeItemState.REGISTERED;
  if (s.cohortEnrolmentStatus === EnrolmentStatus.REQUESTED || s.cohortEnrolmentStatus === EnrolmentStatus.WAITLISTED) return ProgrammeItemState.REGISTERED;
  return ProgrammeItemState.NOT_STARTED;
}

/** The learner's view of a path: per item, the counts the rule asks for, the JP, and what comes next. */
export function toProgress(path: ParticipantPath): ProgrammeProgress {
  const { steps, groups, rule } = path;
  const inOrder = rule === ProgrammeCompletionRule.IN_ORDER ? inOrderFlags(steps) : null;
  const required = steps.filter((s) => s.required);
  let firstOpenRequired: PathStep | undefined;
  const items: ProgrammeItemProgress[] = steps.map((s) => {
    const locked = !!inOrder && s.required && !!firstOpenRequired;
    if (s.required && !(inOrder ? inOrder.get(s.itemId) : s.completedAt)) firstOpenRequired ??= s;
    return {
      itemId: s.itemId, state: stateOf(s), completedAt: s.completedAt, jp: s.jp, completedElsewhere: s.completedElsewhere, locked,
      outOfOrder: !!inOrder && s.required && !!s.completedAt && !inOrder.get(s.itemId),
    };
  });
  const requiredCompleted = required.filter((s) => s.completedAt).length;
  const activeGroups = rule === ProgrammeCompletionRule.GROUPS ? groups : [];
  const groupsMet = activeGroups.filter((g) => groupDone(steps, g) >= g.minCompleted).length;
  const asked = required.length + activeGroups.reduce((n, g) => n + g.minCompleted, 0);
  const done = requiredCompleted + activeGroups.reduce((n, g) => n + Math.min(groupDone(steps, g), g.minCompleted), 0);
  const met = ruleMet(path);
  const openGroup = activeGroups.find((g) => groupDone(steps, g) < g.minCompleted);
  const next = met ? null : (firstOpenRequired ?? (openGroup ? steps.find((s) => s.groupId === openGroup.id && !s.completedAt) : undefined));
  return {
    items, requiredCompleted, requiredTotal: required.length, groupsMet, groupsTotal: activeGroups.length,
    percent: met ? 100 : asked ? Math.min(99, Math.floor((done * 100) / asked)) : 0,
    // Sum of the items' own ledger lines (one per completed item): the programme adds no line of its own.
    jp: Math.round(steps.reduce((n, s) => n + s.jp, 0) * 10) / 10,
    ruleMet: met, nextItemId: next?.itemId ?? null,
  };
}
