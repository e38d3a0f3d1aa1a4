/**
 * The floor: a bare node:http server answering each benchmarked GraphQL document with ONE SQL
 * statement (queries.mjs) whose result is the response body, built by PostgreSQL. Run as a child
 * process by run.mjs: `node floor.mjs <databaseUrl> <port>`; prints "ready <url>".
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { OPERATIONS } from './queries.mjs';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
// learnerHome first: the catalogue document does not mention it, and vice versa.
const routes = [...OPERATIONS.filter((o) => o.name === 'learnerHome'), ...OPERATIONS.filter((o) => o.name !== 'learnerHome')];

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = Buffer.concat(chunks).toString();
    const op = routes.find((o) => body.includes(o.name));
    const token = /(?:^|;\s*)lentera_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    if (!op) {
      res.writeHead(400).end('{"errors":[{"message":"unknown operation"}]}');
      return;
    }
    try {
      // Named: prepared once per connection, so PostgreSQL plans it once (the tightest honest floor).
      const { rows } = await pool.query({ name: op.name, text: op.floorSql, values: [decodeURIComponent(token)] });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(rows[0]?.body ?? '{"data":null,"errors":[{"message":"not signed in"}]}');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => console.log(`ready http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
