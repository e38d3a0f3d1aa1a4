import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type Request, type Response, type Router } from 'express';
import { createOperationContext, type OperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db } from '../../shared/db/kysely.js';
import { isUuid } from '../../shared/util/ids.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { canSeeCertificate } from './certificate.policy.js';
import { signedCredential, signedStatusList } from './credential.service.js';
import { publicMultikey } from './issuer-key.service.js';
import { issuerProfile } from './verify-credential.service.js';

const sendLd = (res: Response, document: unknown, cache: string) =>
  res.status(200).type('application/ld+json; charset=utf-8').setHeader('Cache-Control', cache)
    // Verifiers in browsers on other sites read these documents.
    .setHeader('Access-Control-Allow-Origin', '*').send(JSON.stringify(document, null, 2));

/**
 * Open Badges documents over plain GET (mounted by app/http-server.ts):
 * - `/issuers/<agencyCode>`: the agency's issuer profile (OB 3.0 Profile) listing its keys, active and retired;
 * - `/issuers/<agencyCode>/keys/<keyId>`: one public key as a Multikey document (the proofs' verificationMethod);
 * - `/status-lists/<id>`: the signed BitstringStatusListCredential (revocation) of one agency's list;
 * - `/files/certificates/<id>/credential.json`: a certificate's signed credential, as an attachment, for its holder,
 *   the issuing agency's admins and platform admins (404 for anyone else, as the API answers NOT_FOUND).
 */
export function credentialRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  const publicCtx = (): Pick<OperationContext, 'em' | 'config'> => createOperationContext({ em: orm.em.fork(), viewer: null, locale: 'id', config });

  router.get('/issuers/:code', async (req, res, next) => {
    try {
      const found = await issuerProfile(publicCtx(), String(req.params.code));
      if (!found) return failJson(req, res, 404, 'NOT_FOUND');
      sendLd(res, found.profile, 'public, max-age=300');
    } catch (error) {
      next(error);
    }
  });

  router.get('/issuers/:code/keys/:id', async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const key = isUuid(id)
        ? await db(publicCtx()).selectFrom('credential_issuer_key as k').innerJoin('agency as a', 'a.id', 'k.agency_id')
          .select(['k.id', 'k.public_key_multibase', 'a.code']).where('k.id', '=', id).where('a.code', '=', String(req.params.code)).executeTakeFirst()
        : undefined;
      if (!key) return failJson(req, res, 404, 'NOT_FOUND');
      // A key never changes: cache it for long.
      sendLd(res, publicMultikey(config, key.code, key), 'public, max-age=86400');
    } catch (error) {
      next(error);
    }
  });

  router.get('/status-lists/:id', async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const list = isUuid(id) ? await signedStatusList(publicCtx(), id) : null;
      if (!list) return failJson(req, res, 404, 'NOT_FOUND');
      // Short: a revocation must reach verifiers soon.
      sendLd(res, list, 'public, max-age=60');
    } catch (error) {
      next(error);
    }
  });

  router.get('/files/certificates/:id/credential.json', cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  }, async (req: Request, res: Response, next) => {
    try {
      const ctx = res.locals.ctx as OperationContext & { viewer: Viewer };
      const id = String(req.params.id);
      const row = isUuid(id)
        ? await db(ctx).selectFrom('certificate').select(['id', 'person_id', 'issuing_agency_id', 'serial']).where('id', '=', id).executeTakeFirst()
        : undefined;
      if (!row || !canSeeCertificate(ctx.viewer, { personId: row.person_id, issuingAgencyId: row.issuing_agency_id })) return failJson(req, res, 404, 'NOT_FOUND');
      const document = await signedCredential(ctx, row.id);
      if (!document) return failJson(req, res, 404, 'NOT_FOUND');
      const name = `${row.serial.replace(/[^A-Za-z0-9._-]+/g, '-')}.json`;
      res.status(200).type('application/json; charset=utf-8').setHeader('Cache-Control', 'private, no-store')
        .setHeader('Content-Disposition', `attachment; filename="${name}"`).send(document);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
