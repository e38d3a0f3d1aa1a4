import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationAccess } from '../../server/src/app/access-report.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('schema and access declarations', () => {
  it('committed migrations build exactly the schema the entities describe', async () => {
    const diff = await app.lentera.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('every query and mutation declares who may call it (default deny)', () => {
    const ops = operationAccess();
    expect(ops.length).toBeGreaterThan(3);
    // A resolver class without the class-level @Authorized() would make a forgotten method public.
    expect(ops.filter((op) => !op.classDefault).map((op) => op.operation)).toEqual([]);
    // Public operations are few and named here on purpose.
    const publicOps = ops.filter((op) => op.roles?.includes('PUBLIC')).map((op) => op.operation).sort();
    expect(publicOps).toEqual(['AuthResolver.me', 'AuthResolver.sessionEnded', 'AuthResolver.signIn', 'AuthResolver.signOut']);
  });

  it('hides internals: unknown failures carry a generic message, never SQL', async () => {
    const res = await app.anonymous().request(`{ nope }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves a health check', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
