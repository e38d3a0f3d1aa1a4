import type { EntityManager, InferClassEntityDB, Logger } from '@mikro-orm/postgresql';
import {
  PostgresQueryCompiler, type CompiledQuery, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs,
  type PluginTransformResultArgs, type QueryId, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely';
import { Agency, OrgUnit } from '../../modules/agency/agency.entity.js';
import { Agreement, AgreementDocument, AgreementExpiryNotice } from '../../modules/agreement/agreement.entity.js';
import { AuditEntry } from '../../modules/audit/audit.entity.js';
import { PasswordReset } from '../../modules/auth/password-reset.entity.js';
import { Session, SignInLimit } from '../../modules/auth/session.entity.js';
import { Course } from '../../modules/course/course.entity.js';
import { SearchSynonym } from '../../modules/course/search-synonym.entity.js';
import { CourseRun } from '../../modules/run/run.entity.js';
import { Enrolment } from '../../modules/enrolment/enrolment.entity.js';
import { LearningRecord, LearningRuleSet, PersonLearningYear } from '../../modules/learning-hours/learning-hours.entity.js';
import { ExternalActivity, ExternalActivityEvidence } from '../../modules/learning-hours/external-activity.entity.js';
import { PartnerInstitution } from '../../modules/partner/partner.entity.js';
import { PartnerInvitation } from '../../modules/partner/partner-invitation.entity.js';
import { Person, RoleGrant } from '../../modules/person/person.entity.js';
import { CalendarFeed } from '../../modules/calendar/calendar-feed.entity.js';
import { SessionAttendance } from '../../modules/workshop/attendance.entity.js';
import { CheckInLimit, ServerSecret } from '../../modules/workshop/check-in.entity.js';
import { WorkshopRunSettlement } from '../../modules/workshop/workshop-credit.entity.js';
import { RunSession } from '../../modules/workshop/session.entity.js';
import { RunMaterial, SessionReminder } from '../../modules/workshop/session-material.entity.js';
import { RunSeries } from '../../modules/workshop/series.entity.js';
import {
  CohortAgencyQuota, CohortItemRun, CohortParticipant, Programme, ProgrammeCohort, ProgrammeGroup, ProgrammeItem,
} from '../../modules/programme/programme.entity.js';
import { Certificate, CertificateSerialCounter, CertificateSigner } from '../../modules/certificate/certificate.entity.js';
import { LearningExport } from '../../modules/learning-hours/export.entity.js';
import { CertificatePdf, OrganisationLogo } from '../../modules/certificate/pdf.entity.js';
import { CertificateCredential } from '../../modules/certificate/credential.entity.js';
import { CredentialIssuerKey } from '../../modules/certificate/issuer-key.entity.js';
import { CredentialStatusList } from '../../modules/certificate/status-list.entity.js';

/**
 * Every table Kysely may name, with the entity that defines it. Decorator entities do not carry their
 * table name in their type, so it is written here once; test/api/kysely.test.ts checks this map against
 * the ORM's metadata, so a new entity cannot be forgotten.
 */
export const kyselyTables = {
  agency: Agency,
  org_unit: OrgUnit,
  partner_institution: PartnerInstitution,
  partner_invitation: PartnerInvitation,
  person: Person,
  role_grant: RoleGrant,
  session: Session,
  sign_in_limit: SignInLimit,
  password_reset: PasswordReset,
  course: Course,
  course_run: CourseRun,
  search_synonym: SearchSynonym,
  enrolment: Enrolment,
  learning_rule_set: LearningRuleSet,
  learning_record: LearningRecord,
  person_learning_year: PersonLearningYear,
  external_activity: ExternalActivity,
  external_activity_evidence: ExternalActivityEvidence,
  audit_entry: AuditEntry,
  calendar_feed: CalendarFeed,
  agreement: Agreement,
  agreement_document: AgreementDocument,
  agreement_expiry_notice: AgreementExpiryNotice,
  run_session: RunSession,
  session_attendance: SessionAttendance,
  run_material: RunMaterial,
  session_reminder: SessionReminder,
  run_series: RunSeries,
  check_in_limit: CheckInLimit,
  server_secret: ServerSecret,
  workshop_run_settlement: WorkshopRunSettlement,
  programme: Programme,
  programme_group: ProgrammeGroup,
  programme_item: ProgrammeItem,
  programme_cohort: ProgrammeCohort,
  cohort_item_run: CohortItemRun,
  cohort_agency_quota: CohortAgencyQuota,
  cohort_participant: CohortParticipant,
  certificate: Certificate,
  certificate_serial_counter: CertificateSerialCounter,
  certificate_signer: CertificateSigner,
  learning_export: LearningExport,
  certificate_pdf: CertificatePdf,
  organisation_logo: OrganisationLogo,
  credential_issuer_key: CredentialIssuerKey,
  credential_status_list: CredentialStatusList,
  certificate_credential: CertificateCredential,
} as const;

/** Pivot tables of many-to-many relations: they have no entity class, so their columns are written here. */
export interface PivotTables {
  course_run_instructor: { run_id: string; person_id: string };
  course_visible_agency: { course_id: string; agency_id: string };
  agreement_agency: { agreement_id: string; agency_id: string };
  run_series_instructor: { series_id: string; person_id: string };
}
export const kyselyPivotTables: readonly (keyof PivotTables)[] = ['course_run_instructor', 'course_visible_agency', 'agreement_agency', 'run_series_instructor'];

type Tables = typeof kyselyTables;
type Named<C, N extends string> = C & { '~entityName'?: N };

/**
 * The database as Kysely sees it, inferred from the entities (MikroORM's `InferClassEntityDB`): table and
 * column names as in SQL (`org_unit.agency_id`), values as the entities type them (a relation is its key).
 */
export type Database = InferClassEntityDB<{ [N in keyof Tables]: Named<Tables[N], N> }[keyof Tables]> & PivotTables;

export type Db = Kysely<Database>;

/**
 * The typed query builder for an operation: `db(ctx).selectFrom('agency')…`. It runs on `ctx.em`'s
 * connection, and inside that EntityManager's transaction when there is one; so inside
 * `em.transactional(async (tx) => …)` pass the transaction's context (`inTransaction` gives one) or
 * `{ em: tx }`. Values are bound as parameters ($1, $2 …), never written into the text.
 *
 * No MikroORM plugin (names as in SQL, no value conversion): queries stay exactly what they read as and
 * pay nothing per statement. Each statement is written to the ORM's query log like the ORM's own, so
 * statement counts (tests, `pnpm bench`) see them.
 */
export function db(ctx: { em: EntityManager }): Db {
  const base = ctx.em.getKysely<Database>();
  let logged = withLog.get(base);
  if (!logged) {
    logged = base.withPlugin(new QueryLog(ctx.em.config.getLogger()));
    withLog.set(base, logged);
  }
  return logged;
}

/**
 * Runs `fn` in a transaction with a copy of `ctx` whose `em` is the transaction's, so everything
 * `fn` passes `tx` to (services, `db(tx)`, `writeAudit(tx, …)`) takes part in it.
 */
export function inTransaction<C extends { em: EntityManager }, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.em.transactional((em) => fn({ ...ctx, em }));
}

/**
 * One per underlying Kysely (the pool's, or a transaction's): built once, and a statement is logged
 * once. The plugin holds the ORM's logger, not an EntityManager, so no request's identity map outlives it.
 */
const withLog = new WeakMap<object, Db>();

const compiler = new PostgresQueryCompiler();

/**
 * Writes each statement Kysely runs to the ORM's logger, the way MikroORM logs its own. A statement that
 * fails is not logged (a Kysely plugin sees results only); its error reaches the caller as usual.
 */
class QueryLog implements KyselyPlugin {
  readonly #logger: Logger;
  readonly #started = new WeakMap<QueryId, { sql: string; at: number }>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Compiling a second time costs a little, so only when someone reads the log (tests, bench, debug).
    if (this.#logger.isEnabled('query')) {
      const compiled: CompiledQuery = compiler.compileQuery(args.node, args.queryId);
      this.#started.set(args.queryId, { sql: compiled.sql, at: Date.now() });
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started) {
      this.#logger.logQuery({
        level: 'info', query: started.sql, took: Date.now() - started.at,
        results: args.result.rows.length, affected: args.result.numAffectedRows != null ? Number(args.result.numAffectedRows) : undefined,
      });
    }
    return args.result;
  }
}
