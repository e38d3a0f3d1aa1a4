import { Agent, request } from 'node:http';

/**
 * A closed-loop load generator: `connections` keep-alive connections, each sending the next request
 * as soon as the previous answer is read, for `seconds`. Every answer must be 200 without GraphQL
 * errors, or it counts as an error.
 */
export async function runLoad({ url, body, cookies, connections, seconds }) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const payload = Buffer.from(body);
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const once = (cookie) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length, cookie } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            bytes += text.length;
            if (res.statusCode !== 200 || text.includes('"errors"')) errors += 1;
            else latencies.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', () => { errors += 1; resolve(); });
      req.end(payload);
    });
  await Promise.all(Array.from({ length: connections }, async (_, i) => {
    const cookie = cookies[i % cookies.length];
    while (performance.now() < end) await once(cookie);
  }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : NaN);
  return {
    requests: latencies.length, errors, rps: latencies.length / elapsed,
    p50: pct(0.5), p99: pct(0.99), kbPerRequest: latencies.length ? bytes / (latencies.length + errors) / 1024 : 0,
  };
}
