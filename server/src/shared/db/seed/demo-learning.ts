import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { creditLearning, LearningSource, ruleSetOn } from '../../../modules/learning-hours/index.js';
import { Role } from '../../auth/roles.js';
import { isoDateIn } from '../../util/time.js';
import { db } from '../kysely.js';
import type { DemoAccount } from './demo-world.js';

const DAY = 86_400_000;

/** A small, valid one-page PDF standing for a scanned certificate (its text names the activity). */
function evidencePdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, ' ');
  const stream = `BT /F1 14 Tf 60 760 Td (Sertifikat: ${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface ActivityDef {
  who: 'learner' | number;
  title: string;
  form: string;
  organiser: string;
  /** Days before today it started and ended. */
  from: number;
  to: number;
  /** JP claimed; null: the form's default. */
  jp: number | null;
  status: 'PENDING' | 'VERIFIED' | 'REJECTED';
  reason?: string;
}

const ACTIVITIES: ActivityDef[] = [
  { who: 'learner', title: 'Seminar Nasional Transformasi Digital Pemerintah Daerah', form: 'SEMINAR', organiser: 'Kementerian PANRB', from: 12, to: 11, jp: 8, status: 'PENDING' },
  { who: 'learner', title: 'Webinar Keamanan Siber untuk ASN', form: 'SEMINAR', organiser: 'BSSN', from: 40, to: 40, jp: 3, status: 'REJECTED',
    reason: 'Sertifikat yang diunggah tidak mencantumkan nama peserta. Ajukan ulang dengan sertifikat atas nama Anda.' },
  { who: 0, title: 'Coaching Kepemimpinan Pengawas', form: 'COACHING', organiser: 'BKPSDM Kota Bandung', from: 30, to: 30, jp: null, status: 'PENDING' },
  { who: 1, title: 'Magang di Dinas Kependudukan Provinsi Jawa Barat', form: 'INTERNSHIP', organiser: 'Pemerintah Provinsi Jawa Barat', from: 60, to: 33, jp: null, status: 'PENDING' },
  { who: 2, title: 'Lokakarya Analisis Data Kepegawaian', form: 'WORKSHOP', organiser: 'Universitas Padjadjaran', from: 9, to: 8, jp: 12, status: 'PENDING' },
  { who: 3, title: 'Benchmarking Mal Pelayanan Publik Surabaya', form: 'BENCHMARKING', organiser: 'Pemerintah Kota Surabaya', from: 50, to: 48, jp: 6, status: 'VERIFIED' },
];

/**
 * External activities of the demo learner's agency: what its admin finds waiting in the verification queue (four
 * pending, among them the learner's), one verified (credited to the ledger like a real verification) and one of the
 * learner's rejected with a reason. The learner's own year is left as the story tells it (no verified one of theirs).
 */
export async function seedDemoLearning(tx: EntityManager, accounts: DemoAccount[], now: Date): Promise<void> {
  const d = db({ em: tx });
  const login = (role: Role) => accounts.find((a) => (a.role as Role) === role)?.login;
  const learner = await d.selectFrom('person').select(['id', 'agency_id']).where('nip', '=', login(Role.LEARNER) ?? '-').executeTakeFirst();
  const admin = await d.selectFrom('person').select(['id']).where('nip', '=', login(Role.AGENCY_ADMIN) ?? '-').executeTakeFirst();
  if (!learner?.agency_id || !admin) return;
  const colleagues = await d.selectFrom('person').select(['id'])
    .where('agency_id', '=', learner.agency_id).where('id', 'not in', [learner.id, admin.id]).where('nip', 'is not', null)
    .where('active', '=', true).orderBy('full_name').orderBy('id').limit(4).execute();
  if (colleagues.length < 4) return;

  for (const a of ACTIVITIES) {
    const personId = a.who === 'learner' ? learner.id : colleagues[a.who].id;
    const startsOn = isoDateIn(new Date(now.getTime() - a.from * DAY));
    const endsOn = isoDateIn(new Date(now.getTime() - a.to * DAY));
    const rule = await ruleSetOn(tx, endsOn);
    const jp = a.jp ?? rule.non_classroom_defaults[a.form] ?? 2;
    const content = evidencePdf(a.title);
    const evidence = await d.insertInto('external_activity_evidence').values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, content, content_type: 'application/pdf',
      file_name: 'sertifikat.pdf', byte_size: content.length, sha256: createHash('sha256').update(content).digest('hex'), uploaded_by_id: personId,
    }).returning('id').executeTakeFirstOrThrow();
    const submittedAt = new Date(now.getTime() - (a.to - 1) * DAY);
    const decided = a.status !== 'PENDING';
    const row = await d.insertInto('external_activity').values({
      id: sql<string>`gen_random_uuid()`, created_at: submittedAt, updated_at: submittedAt, person_id: personId, agency_id: learner.agency_id,
      title: a.title, form: a.form as never, organiser: a.organiser, starts_on: startsOn, ends_on: endsOn, jp: String(jp), jp_is_default: a.jp === null,
      description: null, evidence_id: evidence.id, status: a.status as never,
      decided_by_id: decided ? admin.id : null, decided_at: decided ? new Date(submittedAt.getTime() + DAY) : null, rejection_reason: a.reason ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    if (a.status === 'VERIFIED') {
      await creditLearning(tx, {
        personId, minutes: Math.round(jp * rule.minutes_per_jp), jp, source: LearningSource.EXTERNAL_ACTIVITY, sourceId: row.id, title: a.title,
        occurredAt: new Date(`${endsOn}T12:00:00+07:00`),
      });
    }
  }
}
