import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { CourseOwnerKind } from '../course/index.js';
import type { CohortStatus, ProgrammeCompletionRule, ProgrammeStatus } from './programme.entity.js';
import type { CohortAgencyQuota, Programme, ProgrammeCohort } from './programme.types.js';

/** A programme row with its owner's name, as `programmeColumns` over `programme as p` with `joinProgrammeOwners` reads it. */
export interface ProgrammeRow {
  id: string;
  code: string;
  title: string;
  description: string;
  audience: string;
  competency_tags: string[];
  completion_rule: ProgrammeCompletionRule;
  status: ProgrammeStatus;
  owner_agency_id: string | null;
  owner_partner_id: string | null;
  owner_agency_name: string | null;
  owner_partner_name: string | null;
  shared_at: Date | null;
  share_note: string | null;
  adopted_from_id: string | null;
  origin_id: string | null;
  created_at: Date;
}

export const programmeColumns = [
  'p.id', 'p.code', 'p.title', 'p.description', 'p.audience', 'p.competency_tags', 'p.completion_rule', 'p.status',
  'p.owner_agency_id', 'p.owner_partner_id', 'oa.name as owner_agency_name', 'op.name as owner_partner_name',
  'p.shared_at', 'p.share_note', 'p.adopted_from_id', 'p.origin_id', 'p.created_at',
] as const;

/** `programme as p` with its owner's agency (`oa`) and partner (`op`) joined: select `programmeColumns` from it. */
export function programmesWithOwners(ctx: { em: EntityManager }) {
  return db(ctx).selectFrom('programme as p')
    .leftJoin('agency as oa', 'oa.id', 'p.owner_agency_id')
    .leftJoin('partner_institution as op', 'op.id', 'p.owner_partner_id');
}

export function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id, code: row.code, title: row.title, description: row.description, audience: row.audience,
    competencyTags: row.competency_tags, completionRule: row.completion_rule, status: row.status,
    owner: {
      id: (row.owner_agency_id ?? row.owner_partner_id)!,
      name: (row.owner_agency_id ? row.owner_agency_name : row.owner_partner_name) ?? '',
      kind: row.owner_agency_id ? CourseOwnerKind.AGENCY : CourseOwnerKind.PARTNER,
    },
    // Timestamps arrive from Kysely as text (MikroORM keeps them raw); GraphQL's DateTime wants Dates.
    sharedAt: row.shared_at && new Date(row.shared_at), shareNote: row.share_note, createdAt: new Date(row.created_at),
    ownerAgencyId: row.owner_agency_id, ownerPartnerId: row.owner_partner_id, adoptedFromId: row.adopted_from_id, originId: row.origin_id,
  };
}

export interface CohortRow {
  id: string;
  programme_id: string;
  code: string;
  starts_at: Date;
  ends_at: Date;
  nomination_closes_at: Date | null;
  release_deadline: Date | null;
  capacity: number;
  cost_per_participant: number | string;
  self_apply: boolean;
  offers_seats: boolean;
  status: CohortStatus;
  cancellation_reason: string | null;
}

export const cohortColumns = [
  'c.id', 'c.programme_id', 'c.code', 'c.starts_at', 'c.ends_at', 'c.nomination_closes_at', 'c.release_deadline', 'c.capacity',
  'c.cost_per_participant', 'c.self_apply', 'c.offers_seats', 'c.status', 'c.cancellation_reason',
] as const;

export function toCohort(row: CohortRow): ProgrammeCohort {
  return {
    id: row.id, programmeId: row.programme_id, code: row.code, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at),
    nominationClosesAt: row.nomination_closes_at && new Date(row.nomination_closes_at), releaseDeadline: row.release_deadline && new Date(row.release_deadline), capacity: row.capacity,
    // bigint comes back from pg as a string; rupiah per participant fits a JS number.
    costPerParticipant: Number(row.cost_per_participant), selfApply: row.self_apply, offersSeats: row.offers_seats,
    status: row.status, cancellationReason: row.cancellation_reason,
  };
}

export interface QuotaRow {
  id: string;
  cohort_id: string;
  agency_id: string;
  agency_name: string;
  seats: number;
  seats_taken: number;
}

export function toQuota(row: QuotaRow): CohortAgencyQuota {
  return { id: row.id, cohortId: row.cohort_id, agencyId: row.agency_id, agencyName: row.agency_name, seats: row.seats, seatsTaken: row.seats_taken };
}

/** Whether a cohort (alias `c`) still takes nominations and applications at the statement's clock. */
export const COHORT_NOMINATING = sql<boolean>`(c.status = 'SCHEDULED' and now() < coalesce(c.nomination_closes_at, c.starts_at))`;
