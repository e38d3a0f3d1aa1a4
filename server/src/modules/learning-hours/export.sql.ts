import { sql, type RawBuilder } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Whose lines an export holds. */
export type ExportScope =
  /** One person's lines; `onlyAgencyIds`: only those credited in these agencies (an admin of an agency they left). */
  | { kind: 'person'; personId: string; onlyAgencyIds?: readonly string[] }
  /** The lines of the people whose direct supervisor this is. */
  | { kind: 'team'; supervisorId: string }
  /** Lines credited while their person was in this agency (as learningRecords shows an agency admin). */
  | { kind: 'agency'; agencyId: string };

/** One training as SIASN records it, before formatting (one standing ledger line). */
export interface ExportLine {
  id: string;
  person_id: string;
  person_agency_id: string | null;
  supervisor_id: string | null;
  full_name: string;
  nip: string | null;
  title: string;
  /** DevelopmentForm, or null when the source does not say (an external activity until it carries its form). */
  form: string | null;
  organiser: string | null;
  starts_on: string;
  ends_on: string;
  jp: number;
  /** The VALID certificate's serial for this line's source, if any. */
  serial: string | null;
  /** Where the page ends (name, person, when, id): the next page starts after it. */
  occurred_key: string;
}

export type ExportCursor = [fullName: string, personId: string, occurredAt: string, id: string];

function scopeFilter(scope: ExportScope): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'person':
      return scope.onlyAgencyIds
        ? sql<boolean>`lr.person_id = ${scope.personId}::uuid and lr.agency_id = any(${[...scope.onlyAgencyIds]}::uuid[])`
        : sql<boolean>`lr.person_id = ${scope.personId}::uuid`;
    case 'team':
      return sql<boolean>`p.supervisor_id = ${scope.supervisorId}::uuid`;
    case 'agency':
      return sql<boolean>`lr.agency_id = ${scope.agencyId}::uuid`;
  }
}

/**
 * A page of an export's lines in file order (name, person, when it happened, id), one statement. Standing lines
 * only: a revoked credit (and its reversal) is training taken back, pending and rejected lines never counted.
 * Course runs and workshops (their enrolment is the line's source) give the course's form, its owner as
 * organiser and the run's dates in the run's zone; external activities their own form, organiser and dates; other
 * sources the day the line happened (Asia/Jakarta).
 * The certificate is the VALID one for the line's source: an enrolment's is COURSE_RUN or WORKSHOP by the
 * course's kind, whichever ledger source credited it.
 */
async function readExportLines(
  em: EntityManager, scope: ExportScope, year: number | null, after: ExportCursor | null, limit: number,
): Promise<ExportLine[]> {
  const afterFilter = after
    ? sql`and (p.full_name, p.id, lr.occurred_at, lr.id) > (${after[0]}, ${after[1]}::uuid, ${after[2]}::timestamptz, ${after[3]}::uuid)`
    : sql``;
  const yearFilter = year != null ? sql`and lr.year = ${year}` : sql``;
  const { rows } = await sql<ExportLine>`
    select lr.id, p.id as person_id, p.agency_id as person_agency_id, p.supervisor_id, p.full_name, p.nip, lr.title,
           coalesce(c.form, x.form, case when lr.source = 'MENTORING' then 'MENTORING' end) as form,
           coalesce(oa.name, op.name, x.organiser) as organiser,
           coalesce((r.starts_at at time zone r.time_zone)::date, x.starts_on, (lr.occurred_at at time zone 'Asia/Jakarta')::date)::text as starts_on,
           coalesce((r.ends_at at time zone r.time_zone)::date, x.ends_on, (lr.occurred_at at time zone 'Asia/Jakarta')::date)::text as ends_on,
           lr.jp::float8 as jp,
           (select cert.serial from certificate cert
             where cert.status = 'VALID' and cert.source_id = lr.source_id
               and cert.source = any(case when lr.source in ('COURSE_RUN_COMPLETION', 'WORKSHOP_ATTENDANCE') then array['COURSE_RUN', 'WORKSHOP']
                                          when lr.source = 'EXTERNAL_ACTIVITY' then array['EXTERNAL_ACTIVITY'] else array[]::text[] end)
             limit 1) as serial,
           to_char(lr.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_key
      from learning_record lr
      join person p on p.id = lr.person_id
      left join enrolment e on e.id = lr.source_id and lr.source in ('COURSE_RUN_COMPLETION', 'WORKSHOP_ATTENDANCE')
      left join course c on c.id = e.course_id
      left join course_run r on r.id = e.run_id
      left join agency oa on oa.id = c.owner_agency_id
      left join partner_institution op on op.id = c.owner_partner_id
      -- An external activity says its own form, organiser and dates (as the civil servant submitted them).
      left join external_activity x on x.id = lr.source_id and lr.source = 'EXTERNAL_ACTIVITY'
     where lr.reverses_id is null and lr.status = 'CREDITED' and ${scopeFilter(scope)} ${yearFilter} ${afterFilter}
     order by p.full_name, p.id, lr.occurred_at, lr.id
     limit ${limit}`.execute(db({ em }));
  return rows;
}

/** How many lines an export would hold (is it small enough to answer in the request?). */
export async function countExportLines(em: EntityManager, scope: ExportScope, year: number | null): Promise<number> {
  const yearFilter = year != null ? sql`and lr.year = ${year}` : sql``;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from learning_record lr join person p on p.id = lr.person_id
     where lr.reverses_id is null and lr.status = 'CREDITED' and ${scopeFilter(scope)} ${yearFilter}`.execute(db({ em }));
  return rows[0]?.n ?? 0;
}

const cursorAfter = (line: ExportLine): ExportCursor => [line.full_name, line.person_id, line.occurred_key, line.id];

/** Every line of an export, a page at a time (each page one statement), so a large agency never sits in memory whole. */
export async function* exportPages(em: EntityManager, scope: ExportScope, year: number | null, pageSize = 1000): AsyncGenerator<ExportLine[]> {
  let after: ExportCursor | null = null;
  for (;;) {
    const page = await readExportLines(em, scope, year, after, pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = cursorAfter(page[page.length - 1]);
  }
}
