import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { sql } from 'kysely';
import PDFDocument from 'pdfkit';
import type { OperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { MAX_LOGO_BYTES } from './pdf.entity.js';
import { mayManageCertificatesOf, mayManagePartnerLogo } from './pdf.policy.js';
import { certificatePdf } from './pdf.service.js';

type SignedIn = OperationContext & { viewer: Viewer };

const LOGO_TYPES = ['image/png', 'image/jpeg'];
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/** The type the first bytes say (never the name or the header), or null. */
function imageType(body: Buffer): 'image/png' | 'image/jpeg' | null {
  if (body.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'image/png';
  if (body.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

/** Whether pdfkit reads it as the image it claims to be (its header and size), so a logo never breaks a render. */
function readsAsImage(body: Buffer): boolean {
  try {
    // pdfkit's typings leave out openImage, which parses an image without placing it.
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): { width: number; height: number } };
    const image = doc.openImage(body);
    return image.width > 0 && image.height > 0;
  } catch {
    return false;
  }
}

/**
 * Certificate PDFs and the logos printed on them, over plain HTTP beside GraphQL (mounted by app/http-server.ts):
 *
 * - `GET /files/certificates/:id.pdf[?lang=en]` → the certificate's PDF (inline, so a browser shows it) to its
 *   holder, the issuing agency's admins and platform admins; 404 NOT_FOUND for everyone else, as the API answers.
 *   Not rendered yet (the job is behind, or failed)? It is rendered on the spot — a download never answers "later".
 * - `PUT /files/agencies/:id/logo`, `PUT /files/partners/:id/logo`, the image as the raw body with
 *   `Content-Type: image/png` or `image/jpeg` → 200 `{ byteSize, contentType }`, replacing the previous logo; for
 *   the agency's (partner's) admins and platform admins (403 otherwise, 404 for an unknown owner). The size is
 *   refused from Content-Length before the body is read (413 LOGO_TOO_LARGE), the type by the first bytes and by
 *   reading the image's header (415 LOGO_NOT_IMAGE); nothing is written on a refusal. CSRF: as agreement.http.ts
 *   (SameSite=Lax session cookie; an image content type is not one a cross-site form may send).
 * - `GET /files/agencies/:id/logo`, `GET /files/partners/:id/logo` → the logo, to anyone signed in (it is printed
 *   on every certificate); 404 when there is none.
 */
export function certificateFilesRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  router.use(['/files/certificates', '/files/agencies', '/files/partners'], cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  });

  router.get('/files/certificates/:id.pdf', async (req, res, next) => {
    try {
      const ctx = res.locals.ctx as SignedIn;
      const locale = req.query.lang === 'en' ? 'en' : 'id';
      const publicUrl = config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
      const file = await certificatePdf(ctx, String(req.params.id), locale, publicUrl);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="${file.filename}"`);
      // A person's certificate (with their NIP): never kept by a shared cache.
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(file.content);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return failJson(req, res, 404, 'NOT_FOUND');
      next(error);
    }
  });

  for (const owner of ['agencies', 'partners'] as const) {
    const column = owner === 'agencies' ? 'agency_id' : 'partner_id';
    const table = owner === 'agencies' ? 'agency' : 'partner_institution';
    const mayWrite = (viewer: Viewer, id: string) => (owner === 'agencies' ? mayManageCertificatesOf(viewer, id) : mayManagePartnerLogo(viewer, id));

    router.put(
      `/files/${owner}/:id/logo`,
      (req: Request, res: Response, next: NextFunction) => {
        const ctx = res.locals.ctx as SignedIn;
        const id = String(req.params.id);
        if (!isUuid(id)) return failJson(req, res, 404, 'NOT_FOUND');
        if (!mayWrite(ctx.viewer, id)) return failJson(req, res, 403, 'FORBIDDEN');
        if (!LOGO_TYPES.some((type) => req.is(type))) return failJson(req, res, 415, 'LOGO_NOT_IMAGE');
        next();
      },
      express.raw({ type: LOGO_TYPES, limit: MAX_LOGO_BYTES }),
      (error: unknown, req: Request, res: Response, next: NextFunction) => {
        const e = error as { type?: string; status?: number };
        if (e?.type === 'entity.too.large' || e?.status === 413) return failJson(req, res, 413, 'LOGO_TOO_LARGE');
        next(error);
      },
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          const body = req.body as unknown;
          if (!Buffer.isBuffer(body) || body.length === 0) return failJson(req, res, 400, 'BAD_REQUEST');
          const contentType = imageType(body);
          if (!contentType || !readsAsImage(body)) return failJson(req, res, 415, 'LOGO_NOT_IMAGE');
          const ctx = res.locals.ctx as SignedIn;
          const id = String(req.params.id);
          const sha256 = createHash('sha256').update(body).digest('hex');
          const written = await inTransaction(ctx, async (tx) => {
            const exists = await db(tx).selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
            if (!exists) return false;
            const values = { content: body, content_type: contentType, byte_size: body.length, sha256, uploaded_by_id: tx.viewer.personId, updated_at: sql<Date>`now()` };
            await db(tx).insertInto('organisation_logo')
              .values({ id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, [column]: id, ...values })
              .onConflict((oc) => oc.column(column).doUpdateSet(values))
              .execute();
            const audit = {
              id: sql<string>`gen_random_uuid()`, actor_id: tx.viewer.personId, action: 'logo.upload', target_type: owner === 'agencies' ? 'Agency' : 'PartnerInstitution',
              target_id: id, data: JSON.stringify({ byteSize: body.length, contentType, sha256 }), at: sql<Date>`now()`,
            };
            await db(tx).insertInto('audit_entry').values(audit).execute();
            return true;
          });
          if (!written) return failJson(req, res, 404, 'NOT_FOUND');
          res.status(200).setHeader('Cache-Control', 'no-store');
          res.json({ byteSize: body.length, contentType });
        } catch (error) {
          next(error);
        }
      },
    );

    router.get(`/files/${owner}/:id/logo`, async (req, res, next) => {
      try {
        const ctx = res.locals.ctx as SignedIn;
        const id = String(req.params.id);
        const logo = isUuid(id)
          ? await db(ctx).selectFrom('organisation_logo').select(['content', 'content_type', 'sha256']).where(column, '=', id).executeTakeFirst()
          : undefined;
        if (!logo) return failJson(req, res, 404, 'NOT_FOUND');
        res.setHeader('Content-Type', logo.content_type);
        res.setHeader('Cache-Control', 'private, no-cache');
        res.setHeader('ETag', `"${logo.sha256}"`);
        res.send(logo.content);
      } catch (error) {
        next(error);
      }
    });
  }
  return router;
}
