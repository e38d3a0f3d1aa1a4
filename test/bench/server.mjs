/**
 * The real Lentera server (compiled), as production runs it, for the benchmark. Run as a child
 * process by run.mjs: `node server.mjs <databaseUrl> <port>`; prints "ready <url>".
 */
import { startLentera } from '../../server/dist/app/boot.js';
import { loadConfig } from '../../server/dist/shared/config/config.js';

const [databaseUrl, port] = process.argv.slice(2);
const lentera = await startLentera(
  { ...loadConfig({}), databaseUrl, port: Number(port), host: '127.0.0.1', seedDemo: false, production: true, cookieSecure: false },
  { log: () => {} },
);
console.log(`ready ${lentera.url}`);
process.on('SIGTERM', () => lentera.stop().then(() => process.exit(0), () => process.exit(1)));
