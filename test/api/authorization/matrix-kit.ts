import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../../kit/test-app.js';
import { NotApplicable, VIEWERS, World, type ViewerKind } from './world.js';

/**
 * What a call answers. ALLOWED: data, no error (for a list row: the scope's object is in it). HIDDEN: a
 * list answered without the scope's object. The rest are the error code the call must fail with.
 */
export type Outcome = 'ALLOWED' | 'HIDDEN' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'NOT_A_LEARNER' | 'COURSE_NOT_VISIBLE' | 'NO_SUPERVISOR';

/**
 * Which object the call is about, relative to the fixture (see world.ts):
 * - none: the operation takes no object (it is about the viewer, or creates something)
 * - own: the viewer's own object (their person, enrolment, agency, org unit, partner, grant; a course they teach
 *   or whose owner they administer)
 * - same: an object of agency A, the agency of the learner, supervisor, agency admin and platform admin
 * - other: an object of agency B, the other agency admin's agency (partner Q for partner objects)
 * - report: the learner's (who reports to the supervisor)
 * - privileged: a person of agency A who holds more than an agency admin may grant (a platform admin): item 1
 * - crossAdmin: a person of agency A who is also an agency admin of B (a role A's admins cannot grant): item 1
 * - partner: an object of partner P (a course P owns and the instructor teaches, a staff member of P)
 * - escalate: granting a role beyond the viewer's reach (PLATFORM_ADMIN) to a person of A
 */
export type Scope = 'none' | 'own' | 'same' | 'other' | 'report' | 'privileged' | 'crossAdmin' | 'partner' | 'escalate';

/** A cell that is wrong today and being fixed on another branch: reported as a todo until the fix is merged. */
export interface Pending {
  expect: Outcome;
  pendingFix: string;
}
/** A cell that makes no sense, with why. */
export interface NotApplicableCell {
  na: string;
}
export type Cell = Outcome | Pending | NotApplicableCell;
/** Per scope; '*' for the scopes not named. */
export type PerScope = Partial<Record<Scope | '*', Cell>>;
/**
 * Per viewer ('*' for the signed-in kinds not named); a viewer's entry is one cell for every scope or a
 * PerScope. Anonymous callers default to UNAUTHENTICATED.
 */
export type Expectations = Partial<Record<ViewerKind | '*', Cell | PerScope>>;

export interface Built {
  variables: Record<string, unknown>;
  /** For list rows: the id whose presence in the answer tells ALLOWED from HIDDEN. */
  subject?: string;
}

export interface Row {
  kind: 'query' | 'mutation';
  /** Calls exactly this row's operation (checked against the schema). */
  document: string;
  scopes: readonly Scope[];
  /** The variables for this viewer and scope, built from the world (throws NotApplicable when the viewer has no such object). */
  build: (w: World, viewer: ViewerKind, scope: Scope) => Promise<Built>;
  /** List rows: is `subject` in the answer? */
  listed?: (data: any, subject: string) => boolean;
  expect: Expectations;
  /**
   * An allowed call enqueues a mail whose job writes (an invitation's token is made when its mail is written): the
   * cell waits for the mail jobs to finish, so that write does not land in the next cell's "nothing written" check.
   */
  writesWhenMailed?: boolean;
  /** Tables the call writes by design whatever its answer (a rate limiter's counters): left out of the "wrote nothing" check. */
  countsIn?: readonly string[];
  /** Likewise for any job: a completion's certificate credential is signed by a job (certificate/credential.service.ts). */
  writesInJobs?: boolean;
}

export type Matrix = Record<string, Row>;

/** @public For rows whose fix is on another branch (ARCHITECTURE.md, the authorization matrix); none today. */
export const pending = (expect: Outcome, pendingFix: string): Pending => ({ expect, pendingFix });
const na = (why: string): NotApplicableCell => ({ na: why });

/** The expected cell for a viewer and scope, from the compact spec. */
export function cellFor(row: Row, viewer: ViewerKind, scope: Scope): Cell {
  if (viewer === 'anonymous' && scope === 'own') return na('anonymous callers own nothing');
  const entry = row.expect[viewer] ?? (viewer === 'anonymous' ? 'UNAUTHENTICATED' : row.expect['*']);
  const pick = (e: Cell | PerScope | undefined): Cell | undefined =>
    e === undefined ? undefined : typeof e === 'string' || 'na' in e || 'pendingFix' in e ? e : (e[scope] ?? e['*']);
  const cell = pick(entry) ?? (viewer === 'anonymous' ? undefined : pick(row.expect['*']));
  if (cell === undefined) throw new Error(`no expectation for ${viewer} × ${scope}: write it down`);
  return cell;
}

/** What a response says, in the matrix's terms. */
function outcomeOf(res: GraphQLResponse, row: Row, subject: string | undefined): string {
  if (res.errors?.length) return res.errors[0].extensions?.code ?? `no code: ${res.errors[0].message}`;
  if (row.listed && subject) return row.listed(res.data, subject) ? 'ALLOWED' : 'HIDDEN';
  return 'ALLOWED';
}

/**
 * Every row written to a table of the file's database is noted, by a trigger on each table, in a log table of the
 * test's own (`matrix_write`): a cell's "wrote nothing" check reads the log's newest entry before the call and what
 * was noted after it. A rolled-back write leaves no entry (the log is transactional), as it leaves nothing behind.
 * It replaced comparing every table's row count and newest row version, which took over half of a matrix file's time.
 */
async function installWriteLog(app: TestApp): Promise<void> {
  await app.sql(`create unlogged table matrix_write (seq bigserial primary key, tbl text not null)`);
  await app.sql(`create function matrix_note_write() returns trigger language plpgsql as $$
    begin insert into matrix_write (tbl) values (tg_table_name); return null; end $$`);
  const tables = await app.sql<{ t: string }>(
    `select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and c.relname not like 'mikro_orm%' and c.relname <> 'matrix_write'`,
  );
  for (const { t } of tables) await app.sql(`create trigger matrix_write_log after insert or update or delete on "${t}" for each row execute function matrix_note_write()`);
}

/** The newest entry of the write log. */
async function lastWrite(app: TestApp): Promise<string> {
  const [{ seq }] = await app.sql<{ seq: string }>(`select coalesce(max(seq), 0)::text as seq from matrix_write`);
  return seq;
}

async function tablesWrittenSince(app: TestApp, seq: string): Promise<string[]> {
  return (await app.sql<{ tbl: string }>(`select distinct tbl from matrix_write where seq > $1::bigint order by 1`, [seq])).map((r) => r.tbl);
}

async function mailJobsDone(app: TestApp, anyJob = false): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    // Due jobs only: a scheduled sweep waiting for its hour is not this cell's.
    const [{ n }] = await app.sql(`select count(*)::int as n from pgboss.job where ${anyJob ? `name <> 'dead-letters'` : `name = 'mail'`} and state in ('created', 'retry', 'active') and start_after <= now()`);
    if (n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A certificate issued by an earlier allowed cell (a completion, a re-issue, an external activity's) has its PDF
 * rendered and its credential signed by jobs a moment later, which write `certificate_pdf` and
 * `certificate_credential`: wait for those before a cell reads the write log, so a job's write is not taken for this cell's.
 */
async function pdfJobsDone(app: TestApp): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const [{ n }] = await app.sql(`select count(*)::int as n from pgboss.job where name in ('certificate.pdf', 'certificates.sign-credentials') and state in ('created', 'retry', 'active') and start_after <= now()`);
    if (n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs one cell; returns what went wrong, or null. */
async function runCell(app: TestApp, world: World, row: Row, viewer: ViewerKind, scope: Scope, expected: Outcome): Promise<string | null> {
  let built: Built;
  try {
    built = await row.build(world, viewer, scope);
  } catch (error) {
    // The viewer has no object of their own of this kind (partner staff have no agency): N/A by construction.
    if (error instanceof NotApplicable && scope === 'own') return null;
    throw error;
  }
  const client = await world.client(viewer);
  // Allowed mutations write (that is the point); everything else must leave the database as it was.
  const checkWrites = row.kind === 'query' || (expected !== 'ALLOWED' && expected !== 'HIDDEN');
  if (checkWrites) await pdfJobsDone(app);
  const before = checkWrites ? await lastWrite(app) : null;
  const res = await client.request(row.document, built.variables);
  const actual = outcomeOf(res, row, built.subject);
  if ((row.writesWhenMailed || row.writesInJobs) && actual === 'ALLOWED') await mailJobsDone(app, row.writesInJobs);
  if (actual !== expected) {
    const detail = res.errors?.[0] ? ` (${res.errors[0].message})` : '';
    return `expected ${expected}, got ${actual}${detail}`;
  }
  if (before) {
    const changed = (await tablesWrittenSince(app, before)).filter((t) => !row.countsIn?.includes(t));
    if (changed.length) return `${row.kind === 'query' ? 'a query' : 'denied, yet it'} wrote to ${changed.join(', ')}`;
  }
  return null;
}

/** MATRIX_PENDING=run runs the pending cells too: to see them fail today, or to check a merged fix before dropping its flags. */
const RUN_PENDING = process.env.MATRIX_PENDING === 'run';

/**
 * The tests for some rows of the matrix. Queries share one world (they write nothing, which each cell
 * checks); every mutation cell builds a world of its own, so an allowed write cannot disturb another cell.
 * One test per operation runs all its cells and lists every disagreement; a pending cell is a todo.
 */
export function describeMatrix(title: string, matrix: Matrix, ops: string[]): void {
  let app: TestApp;
  let shared: World;
  beforeAll(async () => {
    app = await startTestApp();
    await installWriteLog(app);
    shared = new World(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe(title, () => {
    for (const op of ops) {
      const row = matrix[op];
      const cells: { viewer: ViewerKind; scope: Scope; expected: Outcome }[] = [];
      for (const viewer of VIEWERS) {
        for (const scope of row.scopes) {
          const cell = cellFor(row, viewer, scope);
          if (typeof cell === 'string') cells.push({ viewer, scope, expected: cell });
          else if ('pendingFix' in cell && RUN_PENDING) cells.push({ viewer, scope, expected: cell.expect });
          else if ('pendingFix' in cell) it.todo(`${op} · ${viewer} · ${scope}: should be ${cell.expect} (pending ${cell.pendingFix})`);
        }
      }
      it(`${op}: every viewer × scope answers as the matrix says`, async () => {
        const problems: string[] = [];
        // Denials write nothing (each cell checks), so a mutation's denied cells may share a world.
        const denials = new World(app);
        for (const { viewer, scope, expected } of cells) {
          const world = row.kind === 'query' ? shared : expected === 'ALLOWED' ? new World(app) : denials;
          const problem = await runCell(app, world, row, viewer, scope, expected);
          if (problem) problems.push(`${viewer} × ${scope}: ${problem}`);
        }
        expect(problems).toEqual([]);
      });
    }
  });
}

