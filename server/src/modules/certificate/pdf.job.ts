import type { MikroORM } from '@mikro-orm/postgresql';
import { createOperationContext } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import type { JobDefinition } from '../../shared/jobs/queue.js';
import { PDF_QUEUE, renderAndStore } from './pdf.service.js';

/**
 * Renders and stores the PDFs of a batch of certificates (queued by issuance, or by an admin's re-run). Rendering
 * happens here, never in the issuing request: a cohort of 500 completing at once commits at once and its PDFs
 * follow batch by batch. A batch that dies outright (the database went away) is retried by the queue; the
 * certificates already stored are skipped.
 */
export function certificatePdfJob(deps: { orm: MikroORM; config: AppConfig; publicUrl: () => string }): JobDefinition<{ ids: string[] }> {
  return {
    name: PDF_QUEUE,
    async run({ ids }) {
      const ctx = createOperationContext({ em: deps.orm.em.fork(), viewer: null, locale: 'id', config: deps.config });
      await renderAndStore(ctx, ids, deps.publicUrl());
    },
  };
}
