import { sql } from 'kysely';
import type { OperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { isoDateIn } from '../../shared/util/time.js';
import type { DevelopmentForm } from '../course/index.js';
import type { AgreementKind } from './agreement.entity.js';
import { AgreementStatus, type AgreementNode, type AgreementParty } from './agreement.types.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { canEditAgreement } from './agreement.policy.js';

export interface AgreementRow {
  id: string;
  kind: AgreementKind;
  number: string;
  title: string;
  partner_id: string;
  partner_name: string;
  valid_from: string;
  valid_to: string;
  scope: DevelopmentForm[];
  document_url: string | null;
  document_size: number | null;
  agencies: AgreementParty[];
}

/** Today as the agreements count days: a calendar date in Asia/Jakarta. */
export const todayInJakarta = (): string => isoDateIn(new Date());

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The agreements with their partner, agencies (one correlated aggregate per row, in the same statement) and
 * document size: never the document's bytes.
 */
export function agreementRows(ctx: OperationContext) {
  return db(ctx)
    .selectFrom('agreement as a')
    .innerJoin('partner_institution as p', 'p.id', 'a.partner_id')
    .leftJoin('agreement_document as d', 'd.id', 'a.document_id')
    .select([
      'a.id', 'a.kind', 'a.number', 'a.title', 'a.partner_id', 'p.name as partner_name', 'a.document_url', 'd.byte_size as document_size',
      sql<string>`a.valid_from::text`.as('valid_from'),
      sql<string>`a.valid_to::text`.as('valid_to'),
      sql<DevelopmentForm[]>`a.scope`.as('scope'),
      sql<AgreementParty[]>`(select coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name, g.id), '[]'::json)
         from agreement_agency aa join agency g on g.id = aa.agency_id where aa.agreement_id = a.id)`.as('agencies'),
    ]);
}

export async function agreementById(ctx: OperationContext, id: string): Promise<AgreementRow | null> {
  return ((await agreementRows(ctx).where('a.id', '=', id).executeTakeFirst())) ?? null;
}

export function toAgreement(viewer: Viewer, row: AgreementRow, today = todayInJakarta()): AgreementNode {
  const daysLeft = daysBetween(today, row.valid_to);
  const status = row.valid_from > today ? AgreementStatus.UPCOMING : daysLeft < 0 ? AgreementStatus.EXPIRED : AgreementStatus.ACTIVE;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: row.title,
    partner: { id: row.partner_id, name: row.partner_name },
    agencies: row.agencies,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    scope: row.scope,
    status,
    daysLeft,
    document: row.document_size != null ? { byteSize: row.document_size, downloadUrl: agreementDocumentPath(row.id) } : null,
    documentUrl: row.document_url,
    viewerMayEdit: canEditAgreement(viewer, { partnerId: row.partner_id, agencyIds: row.agencies.map((g) => g.id) }),
  };
}

/** Where the document of an agreement is downloaded (agreement.http.ts). */
const agreementDocumentPath = (agreementId: string) => `/files/agreements/${agreementId}/document`;
