import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../shared/config/config.js';
import { currentLocale, runWithLocale, setCurrentLocale } from '../shared/i18n/request-locale.js';
import { agreementFilesRouter } from '../modules/agreement/index.js';
import { sessionFilesRouter } from '../modules/workshop/index.js';
import { externalActivityFilesRouter } from '../modules/learning-hours/index.js';
import { hashToken, loadViewer, SESSION_COOKIE } from '../modules/auth/index.js';
import { devMailRouter, type MailCatcher } from '../modules/mail/index.js';
import { calendarRouter } from '../modules/calendar/index.js';
import { exportFilesRouter } from '../modules/learning-hours/index.js';
import { signerFilesRouter } from '../modules/certificate/index.js';
import { certificateFilesRouter } from '../modules/certificate/index.js';
import { credentialRouter } from '../modules/certificate/index.js';
import { createOperationContext, pickLocale, type Context } from './context.js';
import { makeFormatError } from './format-error.js';
import { errorEnvelope, notFound, onlyGetAndPost, requireJsonBody } from './http-errors.js';
import { serveStaticClient } from './static-client.js';

export interface HttpApp {
  server: Server;
  apollo: ApolloServer<Context>;
  url: string;
  stop(): Promise<void>;
}

/**
 * One port: GraphQL at /graphql, health at /healthz, the built client at / (with SPA fallback).
 */
export async function startHttpServer(
  orm: MikroORM, schema: GraphQLSchema, config: AppConfig, log: (e: unknown) => void = console.error, devMail: MailCatcher | null = null,
): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  // req.ip names the client behind these proxies (sign-in limits count per address).
  app.set('trust proxy', config.trustProxy);
  // An idle kept-alive connection stays open for 65 s, longer than a client or a proxy in front keeps it (a load
  // balancer's usual 60 s; Node's default is 5 s). Otherwise the server can close it at the moment a client sends
  // its next request on it, and that request fails with a reset instead of an answer (seen as "fetch failed:
  // ECONNRESET" on a 30 MB upload in a loaded test run). headersTimeout must stay above it.
  const httpServer = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, app);

  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 50000 },
    maxTokens: { n: 4000 },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.production,
    csrfPrevention: true,
    // graphql-armor ships CJS typings of Apollo's types; the runtime objects are the same.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We set no cache hints; the default cache-control plugin would wrap every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      // The default development landing page loads Apollo's sandbox from a CDN with inline scripts, which
      // the Content-Security-Policy forbids; introspection stays on in development for any GraphQL client.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(currentLocale, log, { hideSuggestions: config.production }),
  });
  await apollo.start();

  app.use(helmet(securityHeaders(config.production)));
  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  // Exactly /graphql: a prefix mount would answer GraphQL at /graphql/anything too.
  app.all(
    '/graphql',
    onlyGetAndPost(),
    requireJsonBody(),
    // Answers are JSON that shrinks ~5× (a catalogue page on a phone's slow data); Brotli when the browser takes it.
    compression(),
    cookieParser(),
    express.json({ limit: '200kb' }),
    (req, res, next) => runWithLocale(pickLocale(req.get('accept-language')), next),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const em = orm.em.fork();
        const token: unknown = req.cookies?.[SESSION_COOKIE];
        const tokenHash = typeof token === 'string' && token.length > 0 ? hashToken(token) : null;
        const viewer = tokenHash ? await loadViewer(em, tokenHash) : null;
        const locale = pickLocale(req.get('accept-language'), req.get('x-lentera-language') ?? viewer?.locale);
        setCurrentLocale(locale);
        return { ...createOperationContext({ em, viewer, locale, config }), req, res, sessionTokenHash: viewer ? tokenHash : null };
      },
    }),
  );

  // Calendar files: a person's private feed by its token (no cookie) and a run's file (calendar module).
  app.use(calendarRouter(orm, config));

  // Agreement documents (PDF upload and download) beside GraphQL: agreement/agreement.http.ts.
  app.use(agreementFilesRouter(orm, config));
  // Workshop materials (file upload and download) beside GraphQL: workshop/session.http.ts.
  app.use(sessionFilesRouter(orm, config));
  // External activities' evidence (PDF/JPEG/PNG upload and download) beside GraphQL: learning-hours/external-activity.http.ts.
  app.use(externalActivityFilesRouter(orm, config));
  // Training-history exports (CSV, XLSX; stored ones for their requester): learning-hours/export.http.ts.
  app.use(exportFilesRouter(orm, config));
  // Certificate signers' signature images (PNG upload and preview): certificate/signer.http.ts.
  app.use(signerFilesRouter(orm, config));
  // Certificate PDFs and the logos printed on them: certificate/pdf.http.ts.
  app.use(certificateFilesRouter(orm, config));
  // Open Badges: issuer profiles, keys, status lists, a certificate's credential (certificate/credential.http.ts).
  app.use(credentialRouter(orm, config));

  // What the development mail catcher caught; never in production (there is no catcher there either).
  if (devMail && !config.production) app.use(devMailRouter(devMail));
  serveStaticClient(app, config.staticDir);

  app.use(notFound());
  app.use(errorEnvelope(log));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    server: httpServer,
    apollo,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    async stop() {
      await apollo.stop();
    },
  };
}

/**
 * helmet's defaults, with these choices:
 * - scripts only from our origin and no inline script (the built client has none);
 * - styles from our origin plus inline: Mantine writes its CSS variables into a `<style>` element at
 *   run time and components set `style=` attributes; a nonce would need a per-request index.html.
 *   Inline style cannot run code; the risk left is CSS-based data leaks, and `default-src 'self'`
 *   keeps those from reaching another host;
 * - fonts are bundled (no `https:` hosts); the page is never framed (`frame-ancestors 'none'`, DENY);
 * - HSTS and upgrade-insecure-requests in production only: development runs on plain http://localhost.
 */
function securityHeaders(production: boolean): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': production ? [] : null,
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  };
}
