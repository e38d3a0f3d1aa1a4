import { startLentera } from './app/boot.js';
import { loadConfig } from './shared/config/config.js';

const config = loadConfig();
const lentera = await startLentera(config);

console.log(`\nLentera berjalan di ${lentera.url}  (GraphQL: ${lentera.url}/graphql)`);
if (lentera.demoAccounts?.length) {
  console.log('\nAkun demo (kata sandi sama untuk semua):');
  for (const a of lentera.demoAccounts) console.log(`  ${a.role.padEnd(16)} ${a.login.padEnd(20)} ${a.password}  ${a.name}`);
}
console.log('\nTekan Ctrl-C untuk berhenti.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nMenghentikan Lentera …');
    lentera.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
