import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { CertificateSource, issueCertificates, revokeCertificatesForSources, supersedeWithCurrentFacts } from '../../../modules/certificate/index.js';
import { Role } from '../../auth/roles.js';
import { db } from '../kysely.js';
import type { DemoAccount } from './demo-world.js';

/** Who signs: the head of each agency's BKPSDM (or its training body) and each partner's head, invented names. */
const AGENCY_SIGNERS: [string, string][] = [
  ['Dr. Hj. Siti Rahmawati, S.Sos., M.Si.', 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'],
  ['Ir. Bambang Wicaksono, M.T.', 'Sekretaris Daerah'],
];
const PARTNER_SIGNER: [string, string] = ['Prof. Dr. Ratna Kusumawardani', 'Dekan'];
/** Completions of others (besides the demo learner's) issued a certificate: enough for the admin's list to page and search. */
const OTHERS = 60;

/**
 * Certificates in the demo world, issued through the real issuance (issueCertificates: serials, snapshot facts,
 * signers, audit rows, after-issue hooks): every completion of the demo learner and the latest others', after the
 * signers of every agency and partner are set. One of the learner's is corrected (a re-issue superseding it) and one
 * other person's is revoked with a reason, so the public page shows all three states.
 */
export async function seedDemoCertificates(tx: EntityManager, accounts: DemoAccount[]): Promise<void> {
  const d = db({ em: tx });
  const cert = { em: tx, viewer: null };
  const agencies = await d.selectFrom('agency').select('id').orderBy('code').execute();
  const partners = await d.selectFrom('partner_institution').select('id').orderBy('code').execute();
  const signers = [
    ...agencies.flatMap((a) => AGENCY_SIGNERS.map(([name, position], i) => ({ agency_id: a.id, partner_id: null, name, position, display_order: i + 1 }))),
    ...partners.map((p) => ({ agency_id: null, partner_id: p.id, name: PARTNER_SIGNER[0], position: PARTNER_SIGNER[1], display_order: 1 })),
  ];
  if (signers.length) {
    await d.insertInto('certificate_signer').values(signers.map((s) => ({ ...s, id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, active: true }))).execute();
  }

  const learnerLogin = accounts.find((a) => (a.role as Role) === Role.LEARNER)?.login;
  const learner = learnerLogin ? await d.selectFrom('person').select('id').where('nip', '=', learnerLogin).executeTakeFirst() : undefined;
  if (!learner) return;
  const completed = (mine: boolean) => d.selectFrom('enrolment as e').innerJoin('course as c', 'c.id', 'e.course_id')
    .select(['e.id', 'c.kind']).where('e.status', '=', 'COMPLETED' as never)
    .where('e.person_id', mine ? '=' : '<>', learner.id)
    .orderBy('e.finished_at', 'desc').orderBy('e.id');
  const refOf = (e: { id: string; kind: string }) => ({ source: e.kind === 'WORKSHOP' ? CertificateSource.WORKSHOP : CertificateSource.COURSE_RUN, sourceId: e.id });
  const mine = (await completed(true).execute()).map(refOf);
  const others = (await completed(false).limit(OTHERS).execute()).map(refOf);
  const programmes = (await d.selectFrom('cohort_participant').select('id').where('status', '=', 'COMPLETED' as never).orderBy('id').execute())
    .map((p) => ({ source: CertificateSource.PROGRAMME, sourceId: p.id }));
  // Oldest first, so serial numbers follow the order the completions happened in.
  await issueCertificates(cert, [...mine].reverse());
  await issueCertificates(cert, [...others].reverse());
  await issueCertificates(cert, programmes);

  // The learner's oldest certificate corrected (its signers as they are now, a new serial), the old one Digantikan.
  const oldest = mine.at(-1);
  if (oldest) {
    const row = await d.selectFrom('certificate').select('id').where('source_id', '=', oldest.sourceId).where('status', '=', 'VALID' as never).executeTakeFirst();
    const admin = await d.selectFrom('role_grant as g').innerJoin('certificate as c', 'c.issuing_agency_id', 'g.agency_id')
      .select('g.person_id').where('c.source_id', '=', oldest.sourceId).where('g.role', '=', Role.AGENCY_ADMIN).orderBy('g.person_id').executeTakeFirst();
    if (row) await supersedeWithCurrentFacts(cert, oldest, row.id, admin?.person_id ?? null);
  }
  // Someone else's, revoked with the reason the public page shows.
  const revoked = others.at(-1);
  if (revoked) await revokeCertificatesForSources(cert, [revoked], 'Peserta terbukti tidak mengikuti evaluasi akhir (hasil pemeriksaan inspektorat)');
}
