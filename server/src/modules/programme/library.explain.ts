import type { Locale } from '../../shared/i18n/messages.js';
import type { EvidenceFigures } from './library.sql.js';
import type { EvidenceExplanation } from './library.types.js';

/*
 * A sentence per evidence figure saying how it was computed, with the numbers it was computed from, in the viewer's
 * language: the library shows figures people will act on, so each says where it comes from.
 */

const rupiah = (n: number, locale: Locale) => `Rp${Math.round(n).toLocaleString(locale === 'id' ? 'id-ID' : 'en-US')}`;
const num = (n: number, locale: Locale, digits = 1) => n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: digits });

export function explainEvidence(e: EvidenceFigures, locale: Locale): EvidenceExplanation[] {
  const codes = e.cohorts.map((c) => c.code).join(', ') || '—';
  const id = locale === 'id';
  const lines: [string, string][] = [
    ['cohortsRun', id
      ? `${e.cohortsRun} angkatan yang sudah berakhir dan tidak dibatalkan (${codes}); semua angka lain dihitung dari angkatan ini saja.`
      : `${e.cohortsRun} cohorts that have ended and were not cancelled (${codes}); every other figure is computed over these only.`],
    ['participants', id
      ? `${e.participants} peserta berstatus dinominasikan atau lulus saat angkatannya berakhir (yang mundur, ditolak, atau diganti tidak dihitung).`
      : `${e.participants} participants nominated or completed when their cohort ended (withdrawn, rejected or replaced people are not counted).`],
    ['agencies', id
      ? `${e.agencies} instansi berbeda asal peserta tersebut.`
      : `${e.agencies} distinct agencies of those participants.`],
    ['completionRate', id
      ? `${e.completed} dari ${e.participants} peserta menyelesaikan program (lulus ÷ peserta).`
      : `${e.completed} of ${e.participants} participants completed the programme (completed ÷ participants).`],
    ['averageRating', id
      ? `Rata-rata ${e.ratings} penilaian (1–5) yang diberikan peserta saat menyelesaikan program.`
      : `The mean of ${e.ratings} ratings (1–5) participants gave when they completed the programme.`],
    ['jpDelivered', id
      ? `${num(e.jpDelivered, locale)} JP: jumlah baris buku JP yang berlaku dari penyelesaian kursus dan kehadiran lokakarya peserta pada kelas-kelas angkatan ini (koreksi dan pencabutan ikut dihitung; program tidak menambah JP sendiri).`
      : `${num(e.jpDelivered, locale)} JP: the standing learning-hours lines from the participants’ course completions and workshop attendance in these cohorts’ item runs (corrections and revocations net out; the programme adds no JP of its own).`],
    ['costPerParticipant', id
      ? `Biaya total ${rupiah(e.totalCost, locale)} (biaya per peserta tiap angkatan × pesertanya) ÷ ${e.participants} peserta.`
      : `Total cost ${rupiah(e.totalCost, locale)} (each cohort’s cost per participant × its participants) ÷ ${e.participants} participants.`],
    ['costPerJp', id
      ? `Biaya total ${rupiah(e.totalCost, locale)} ÷ ${num(e.jpDelivered, locale)} JP yang diberikan.`
      : `Total cost ${rupiah(e.totalCost, locale)} ÷ ${num(e.jpDelivered, locale)} JP delivered.`],
    ['competencyGaps', id
      ? 'Kesenjangan kompetensi yang ditangani: tersedia setelah data kompetensi hadir.'
      : 'Competency gaps addressed: available once competencies arrive.'],
  ];
  return lines.map(([figure, sentence]) => ({ figure, sentence }));
}
