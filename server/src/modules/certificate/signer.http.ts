import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { OperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AppConfig } from '../../shared/config/config.js';
import { AppError } from '../../shared/errors.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { MAX_SIGNATURE_BYTES, saveSignatureImage, signatureImage } from './signer.service.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type SignedIn = OperationContext & { viewer: Viewer };

/**
 * Signature images over plain HTTP, beside GraphQL (mounted by http-server.ts), as agreement.http.ts does documents:
 *
 * - `POST /files/certificate-signers/:id/signature`, the PNG as the raw body with `Content-Type: image/png` → 200
 *   `{ id, byteSize }`, replacing the signer's image; for whoever manages the signer (404 otherwise). The size is
 *   refused from Content-Length before the body is read (413 SIGNATURE_TOO_LARGE, 512 KiB); the type by the PNG
 *   signature bytes, never a file name (415 SIGNATURE_NOT_PNG); nothing is written on a refusal. CSRF: as agreement
 *   documents (SameSite=Lax cookie; image/png is no content type a cross-site form sends).
 * - `GET /files/certificate-signers/:id/signature` → the PNG, to the same people (the admin screen's preview).
 */
export function signerFilesRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  const path = '/files/certificate-signers/:id/signature';
  router.use('/files/certificate-signers', cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  });

  router.post(
    path,
    (req: Request, res: Response, next: NextFunction) => {
      if (!req.is('image/png')) return failJson(req, res, 415, 'SIGNATURE_NOT_PNG');
      next();
    },
    express.raw({ type: 'image/png', limit: MAX_SIGNATURE_BYTES }),
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      const e = error as { type?: string; status?: number };
      if (e?.type === 'entity.too.large' || e?.status === 413) return failJson(req, res, 413, 'SIGNATURE_TOO_LARGE');
      next(error);
    },
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body) || body.length === 0) return failJson(req, res, 400, 'BAD_REQUEST');
        if (body.length < PNG_MAGIC.length || !body.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return failJson(req, res, 415, 'SIGNATURE_NOT_PNG');
        const id = String(req.params.id);
        await saveSignatureImage(res.locals.ctx as SignedIn, id, body);
        res.status(200).setHeader('Cache-Control', 'no-store');
        res.json({ id, byteSize: body.length });
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return failJson(req, res, 404, 'NOT_FOUND');
        next(error);
      }
    },
  );

  router.get(path, async (req, res, next) => {
    try {
      const png = await signatureImage(res.locals.ctx as SignedIn, String(req.params.id));
      if (!png) return failJson(req, res, 404, 'NOT_FOUND');
      res.setHeader('Content-Type', 'image/png');
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(png);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
