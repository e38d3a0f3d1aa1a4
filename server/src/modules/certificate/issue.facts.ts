import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { CertificateSource } from './certificate.entity.js';
import type { CertificateTransaction } from './certificate.hooks.js';

/** A completion a certificate may attest. */
export interface SourceRef {
  source: CertificateSource;
  sourceId: string;
}

export const sourceKey = (r: SourceRef): string => `${r.source}:${r.sourceId}`;

/**
 * What a certificate says, read from the data as it is now (issuance snapshots it into the row). Only completed
 * sources have facts: a reader leaves out what is not (or no longer) complete.
 */
export interface CertificateFacts extends SourceRef {
  personId: string;
  recipientName: string;
  recipientNip: string | null;
  /** The agency whose serial and key it carries: the owner of what was completed, else the person's agency. */
  issuingAgencyId: string | null;
  partnerId: string | null;
  title: string;
  form: string | null;
  /** As credited in the ledger, 1 decimal (standing lines only: a reversed line no longer counts). */
  jp: string;
  competencies: string[];
  startsOn: string | null;
  endsOn: string | null;
  completedAt: Date;
}

/**
 * @public (the jp area's EXTERNAL_ACTIVITY reader)
 * One completed source's facts as a reader returns them (snake_case, as selected). A reader gets the ids of its
 * source asked for and returns a row for each that is complete now (leaving out what is not, or no longer, complete:
 * issuance skips it, a re-issue refuses). EXTERNAL_ACTIVITY's reader (the learning-hours record, once its verified
 * external activities exist) returns `source: 'EXTERNAL_ACTIVITY'`, the activity as `source_id`, the person's agency
 * as `issuing_agency_id`, the activity's title and form, and its credited JP (standing ledger lines only).
 */
export type CertificateFactsRow = FactsRow;

type FactsRow = {
  source: CertificateSource; source_id: string; person_id: string; recipient_name: string; recipient_nip: string | null;
  issuing_agency_id: string | null; partner_id: string | null; title: string; form: string | null; jp: string;
  competencies: string[]; starts_on: string | null; ends_on: string | null; completed_at: Date | string;
};

/** The ledger sources whose standing lines are a completion's JP. */
const ENROLMENT_LINE_SOURCES = sql`('COURSE_RUN_COMPLETION', 'WORKSHOP_ATTENDANCE')`;

/** Course runs and workshops: the enrolment COMPLETED; JP its standing ledger line(s). */
async function enrolmentFacts(tx: CertificateTransaction, ids: string[]): Promise<FactsRow[]> {
  const { rows } = await sql<FactsRow>`
    select case when c.kind = 'WORKSHOP' then 'WORKSHOP' else 'COURSE_RUN' end as source, e.id as source_id, e.person_id,
           p.full_name as recipient_name, p.nip as recipient_nip,
           coalesce(c.owner_agency_id, p.agency_id) as issuing_agency_id,
           -- The partner that taught it: the owner of a partner's course, else the institution of a run instructor.
           coalesce(c.owner_partner_id, (
             select pe.partner_id from course_run_instructor ri join person pe on pe.id = ri.person_id
              where ri.run_id = r.id and pe.partner_id is not null order by pe.partner_id limit 1)) as partner_id,
           c.title, c.form, c.competency_tags as competencies,
           (r.starts_at at time zone r.time_zone)::date::text as starts_on, (r.ends_at at time zone r.time_zone)::date::text as ends_on,
           coalesce(e.finished_at, now()) as completed_at,
           coalesce((select sum(lr.jp) from learning_record lr
                      where lr.source in ${ENROLMENT_LINE_SOURCES} and lr.source_id = e.id
                        and lr.reverses_id is null and lr.status = 'CREDITED'), 0)::text as jp
      from enrolment e
      join course c on c.id = e.course_id
      join course_run r on r.id = e.run_id
      join person p on p.id = e.person_id
     where e.id = any(${ids}::uuid[]) and e.status = 'COMPLETED'`.execute(db(tx));
  return rows;
}

/** Programmes: the participant COMPLETED; JP the standing lines of their item enrolments in the cohort's runs. */
async function programmeFacts(tx: CertificateTransaction, ids: string[]): Promise<FactsRow[]> {
  const { rows } = await sql<FactsRow>`
    select 'PROGRAMME' as source, cp.id as source_id, cp.person_id, p.full_name as recipient_name, p.nip as recipient_nip,
           coalesce(pr.owner_agency_id, cp.agency_id) as issuing_agency_id, pr.owner_partner_id as partner_id,
           pr.title, null::text as form, pr.competency_tags as competencies,
           (pc.starts_at at time zone 'Asia/Jakarta')::date::text as starts_on, (pc.ends_at at time zone 'Asia/Jakarta')::date::text as ends_on,
           coalesce(cp.completed_at, now()) as completed_at,
           coalesce((select sum(lr.jp) from cohort_item_run cir
                       join enrolment e on e.run_id = cir.run_id and e.person_id = cp.person_id
                       join learning_record lr on lr.source_id = e.id and lr.source in ${ENROLMENT_LINE_SOURCES}
                                              and lr.reverses_id is null and lr.status = 'CREDITED'
                      where cir.cohort_id = cp.cohort_id), 0)::text as jp
      from cohort_participant cp
      join programme_cohort pc on pc.id = cp.cohort_id
      join programme pr on pr.id = pc.programme_id
      join person p on p.id = cp.person_id
     where cp.id = any(${ids}::uuid[]) and cp.status = 'COMPLETED'`.execute(db(tx));
  return rows;
}

export type FactsReader = (tx: CertificateTransaction, ids: string[]) => Promise<FactsRow[]>;

/** One reader per source. EXTERNAL_ACTIVITY's joins the learning-hours record's verified activities. */
const readers: Partial<Record<CertificateSource, FactsReader>> = {
  [CertificateSource.COURSE_RUN]: enrolmentFacts,
  [CertificateSource.WORKSHOP]: enrolmentFacts,
  [CertificateSource.PROGRAMME]: programmeFacts,
};

/** @public Lets the part of the module that knows a source's tables read its facts (registered when the module loads). */
export function registerFactsReader(source: CertificateSource, reader: FactsReader): void {
  readers[source] = reader;
}

/**
 * The facts of every completed source among `refs`, in one statement per kind of source. Course runs and workshops
 * share the enrolment reader, which tells them apart by the course's kind (so a ref's stated source is checked too).
 */
export async function readFacts(tx: CertificateTransaction, refs: SourceRef[]): Promise<CertificateFacts[]> {
  const byReader = new Map<FactsReader, Set<string>>();
  for (const ref of refs) {
    const reader = readers[ref.source];
    if (!reader) throw new Error(`no facts reader for certificates of ${ref.source}`);
    byReader.set(reader, (byReader.get(reader) ?? new Set()).add(ref.sourceId));
  }
  const wanted = new Set(refs.map(sourceKey));
  const facts: CertificateFacts[] = [];
  for (const [reader, ids] of byReader) {
    for (const r of await reader(tx, [...ids])) {
      const f: CertificateFacts = {
        source: r.source, sourceId: r.source_id, personId: r.person_id, recipientName: r.recipient_name, recipientNip: r.recipient_nip,
        issuingAgencyId: r.issuing_agency_id, partnerId: r.partner_id, title: r.title, form: r.form, jp: Number(r.jp).toFixed(1),
        competencies: r.competencies ?? [], startsOn: r.starts_on, endsOn: r.ends_on, completedAt: new Date(r.completed_at),
      };
      if (wanted.has(sourceKey(f))) facts.push(f);
    }
  }
  return facts;
}
