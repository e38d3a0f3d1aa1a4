import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { operationAccess } from '../../server/src/app/access-report.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;

/** `pnpm migration:check` itself, with its scratch database on the test cluster. */
function migrationCheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const server = fileURLToPath(new URL('../../server/', import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', '@oxc-node/core/register', 'src/migration-cli.ts', 'check', ...args],
      { cwd: server, env: { ...process.env, DATABASE_URL: inject('postgresUrl') } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('schema and access declarations', () => {
  // The one comparison of entities and migrations is `pnpm migration:check`; the suite runs that command.
  it('committed migrations build exactly the schema the entities describe (migration:check)', async () => {
    const result = await migrationCheck();
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Entities and migrations agree.') });
  });

  it('migration:check fails and prints the missing SQL when the migrations fall short of the entities', async () => {
    // As if the migrations ended with the first release: the later tables are missing.
    const result = await migrationCheck('--to', 'Migration20261123000003_planner_statistics');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The entities and the migrations disagree');
    expect(result.stderr).toContain('create table "sign_in_limit"');
  });

  it('every query and mutation declares who may call it (default deny)', () => {
    const ops = operationAccess();
    expect(ops.length).toBeGreaterThan(3);
    // A resolver class without the class-level @Authorized() would make a forgotten method public.
    expect(ops.filter((op) => !op.classDefault).map((op) => op.operation)).toEqual([]);
    // Public operations are few and named here on purpose.
    const publicOps = ops.filter((op) => op.roles?.includes('PUBLIC')).map((op) => op.operation).sort();
    expect(publicOps).toEqual([
      'AuthResolver.me', 'AuthResolver.sessionEnded', 'AuthResolver.signIn', 'AuthResolver.signOut',
      // Anyone shown a certificate checks it (the page by its code, a credential file), signed in or not.
      'CertificateVerifyPageResolver.verifyCertificate', 'CredentialResolver.verifyCredential',
      'PartnerStaffResolver.acceptPartnerInvitation', 'PartnerStaffResolver.partnerInvitationPreview',
      'PasswordResetResolver.requestPasswordReset', 'PasswordResetResolver.resetPassword',
    ]);
  });

  it('hides internals: unknown failures carry a generic message, never SQL', async () => {
    const agency = await app.seed.agency();
    const client = await app.as(await app.seed.person({ agency }));
    const query = `{ myEnrolments { totalCount } }`;
    await client.ok(query);
    // Break the database under the running server: the resolver's SQL now fails with a PostgreSQL error.
    await app.sql(`alter table enrolment rename to enrolment_moved_away`);
    try {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: client.sessionCookie! },
        body: JSON.stringify({ query }),
      });
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0].message).toBe('Terjadi kesalahan pada server. Coba lagi sebentar lagi.');
      expect(text).not.toMatch(/enrolment_moved_away|relation|select|stack|\bat \S+ \(|node_modules|server\/src/i);
    } finally {
      await app.sql(`alter table enrolment_moved_away rename to enrolment`);
    }
  });

  it('serves a health check', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
