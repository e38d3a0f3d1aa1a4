import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { OperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { Person } from '../person/index.js';
import { AgreementDocument } from './agreement.entity.js';
import { canSeeAgreement, mayWriteAgreements } from './agreement.policy.js';

/** The largest document kept (the table's CHECK says the same). */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

type SignedIn = OperationContext & { viewer: Viewer };


/**
 * Agreement documents over plain HTTP, beside GraphQL (one small router, mounted by http-server.ts):
 *
 * - `POST /files/agreement-documents`, the PDF as the raw body with `Content-Type: application/pdf` →
 *   201 `{ id, byteSize }`; the id is then given to `createAgreement`/`updateAgreement` as `documentId`.
 *   CSRF: the session cookie is SameSite=Lax (never sent on a cross-site POST), and `application/pdf` is not a
 *   content type a cross-site form may send, nor one fetch sends cross-origin without a preflight we never
 *   answer; the same reasoning as Apollo's CSRF prevention on /graphql. The size is refused from
 *   Content-Length before the body is read (413 DOCUMENT_TOO_LARGE); the type by the first bytes (`%PDF-`),
 *   never by a file name (415 DOCUMENT_NOT_PDF); nothing is written on a refusal.
 * - `GET /files/agreements/:id/document` → the PDF, as an attachment, to the parties' admins and platform admins;
 *   404 for everyone else, as the API answers NOT_FOUND.
 */
export function agreementFilesRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  router.use('/files', cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  });

  router.post(
    '/files/agreement-documents',
    (req: Request, res: Response, next: NextFunction) => {
      const ctx = res.locals.ctx as SignedIn;
      if (!mayWriteAgreements(ctx.viewer)) return failJson(req, res, 403, 'FORBIDDEN');
      if (!req.is('application/pdf')) return failJson(req, res, 415, 'DOCUMENT_NOT_PDF');
      next();
    },
    express.raw({ type: 'application/pdf', limit: MAX_DOCUMENT_BYTES }),
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      const e = error as { type?: string; status?: number };
      if (e?.type === 'entity.too.large' || e?.status === 413) return failJson(req, res, 413, 'DOCUMENT_TOO_LARGE');
      next(error);
    },
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body) || body.length === 0) return failJson(req, res, 400, 'BAD_REQUEST');
        if (body.length < PDF_MAGIC.length || !body.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return failJson(req, res, 415, 'DOCUMENT_NOT_PDF');
        const ctx = res.locals.ctx as SignedIn;
        const sha256 = createHash('sha256').update(body).digest('hex');
        const id = await inTransaction(ctx, async (tx) => {
          const document = new AgreementDocument(body, sha256, tx.em.getReference(Person, tx.viewer.personId));
          tx.em.persist(document);
          writeAudit(tx, 'agreement_document.upload', 'AgreementDocument', document.id, { byteSize: body.length, sha256 });
          await tx.em.flush();
          return document.id;
        });
        res.status(201).setHeader('Cache-Control', 'no-store');
        res.json({ id, byteSize: body.length });
      } catch (error) {
        next(error);
      }
    },
  );

  router.get('/files/agreements/:id/document', async (req, res, next) => {
    try {
      const ctx = res.locals.ctx as SignedIn;
      const id = String(req.params.id);
      const row = isUuid(id)
        ? await db(ctx).selectFrom('agreement as a').innerJoin('agreement_document as d', 'd.id', 'a.document_id')
          .select(['a.partner_id', 'a.number', 'd.content', 'd.sha256',
            (eb) => eb.selectFrom('agreement_agency as aa').select((e) => e.fn.agg<string[]>('array_agg', ['aa.agency_id']).as('ids'))
              .whereRef('aa.agreement_id', '=', 'a.id').as('agency_ids')])
          .where('a.id', '=', id).executeTakeFirst()
        : undefined;
      if (!row || !canSeeAgreement(ctx.viewer, { partnerId: row.partner_id, agencyIds: row.agency_ids ?? [] })) return failJson(req, res, 404, 'NOT_FOUND');
      const name = `${row.number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'perjanjian'}.pdf`;
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      // The parties' document: never kept by a shared cache.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${row.sha256}"`);
      res.send(row.content);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

