/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD + appointment (TMT CPNS) YYYYMM +
 * sex (1 male, 2 female) + 3-digit sequence. PPPK numbers carry "21" where the appointment month
 * stands: they are valid and mark the person as PPPK, never a bad month.
 */
export type NipCheck =
  | { ok: true; kind: 'PNS' | 'PPPK'; birthDate: string; appointmentYear: number; sex: 'MALE' | 'FEMALE' }
  | { ok: false; reason: NipProblem };

export type NipProblem =
  | 'NOT_18_DIGITS'
  | 'BAD_BIRTH_DATE'
  | 'BIRTH_IN_FUTURE'
  | 'BAD_APPOINTMENT_MONTH'
  | 'APPOINTMENT_BEFORE_BIRTH'
  | 'APPOINTED_UNDER_18'
  | 'APPOINTMENT_IN_FUTURE'
  | 'BAD_SEX_DIGIT';

export const nipProblemText: Record<NipProblem, { id: string; en: string }> = {
  NOT_18_DIGITS: { id: 'harus 18 angka', en: 'must be 18 digits' },
  BAD_BIRTH_DATE: { id: 'tanggal lahir (8 angka pertama) tidak ada di kalender', en: 'the birth date (first 8 digits) is not a real date' },
  BIRTH_IN_FUTURE: { id: 'tanggal lahir di masa depan', en: 'the birth date is in the future' },
  BAD_APPOINTMENT_MONTH: { id: 'bulan TMT (angka 13–14) harus 01–12, atau 21 untuk PPPK', en: 'the appointment month (digits 13–14) must be 01–12, or 21 for PPPK' },
  APPOINTMENT_BEFORE_BIRTH: { id: 'tahun TMT harus setelah tahun lahir', en: 'the appointment year must be after the birth year' },
  APPOINTED_UNDER_18: {
    id: 'TMT (angka 9–14) jatuh sebelum pegawai berusia 18 tahun menurut tanggal lahirnya (angka 1–8)',
    en: 'the appointment date (digits 9–14) falls before the person turned 18, by the birth date (digits 1–8)',
  },
  APPOINTMENT_IN_FUTURE: { id: 'TMT di masa depan', en: 'the appointment date is in the future' },
  BAD_SEX_DIGIT: { id: 'angka ke-15 (jenis kelamin) harus 1 atau 2', en: 'digit 15 (sex) must be 1 or 2' },
};

/** Where a valid NIP contradicts the employment type an admin picked. */
export type NipTypeProblem = 'PPPK_NIP_FOR_PNS' | 'PNS_NIP_FOR_PPPK' | 'NIP_FOR_NON_ASN';

const nipTypeProblemText: Record<NipTypeProblem, { id: string; en: string }> = {
  PPPK_NIP_FOR_PNS: {
    id: 'ini NIP PPPK (angka 13–14 = 21), tetapi jenis kepegawaian yang dipilih PNS; pilih PPPK',
    en: 'this is a PPPK number (digits 13–14 = 21) but the employment type chosen is PNS; choose PPPK',
  },
  PNS_NIP_FOR_PPPK: {
    id: 'NIP PPPK memuat 21 pada angka 13–14; NIP ini NIP PNS, pilih PNS',
    en: 'PPPK numbers carry 21 in digits 13–14; this is a PNS number, choose PNS',
  },
  NIP_FOR_NON_ASN: {
    id: 'pegawai non-ASN tidak memiliki NIP; pilih PNS atau PPPK, atau kosongkan NIP',
    en: 'non-ASN staff have no NIP; choose PNS or PPPK, or leave the NIP empty',
  },
};

/** Checks a NIP against the employment type: the NIP's own shape first, then whether the two agree. */
export function checkNipFor(raw: string, employmentType: 'PNS' | 'PPPK' | 'NON_ASN', today: Date = new Date()):
  | { ok: true; nip: string }
  | { ok: false; problem: NipProblem | NipTypeProblem; text: { id: string; en: string } } {
  const check = checkNip(raw, today);
  if (!check.ok) return { ok: false, problem: check.reason, text: nipProblemText[check.reason] };
  const mismatch: NipTypeProblem | null =
    employmentType === 'NON_ASN' ? 'NIP_FOR_NON_ASN' : employmentType === 'PNS' && check.kind === 'PPPK' ? 'PPPK_NIP_FOR_PNS'
      : employmentType === 'PPPK' && check.kind === 'PNS' ? 'PNS_NIP_FOR_PPPK' : null;
  if (mismatch) return { ok: false, problem: mismatch, text: nipTypeProblemText[mismatch] };
  return { ok: true, nip: normalizeNip(raw) };
}

export function normalizeNip(raw: string): string {
  // People paste NIPs as "19850312 201001 1 003" or "19850312-201001-1-003" (a word processor may turn the
  // hyphen into an en dash): spaces, dots and dashes are formatting, not content.
  return raw.replace(/[\s.\-\u2010-\u2015\u2212]/g, '');
}

export function checkNip(raw: string, today: Date = new Date()): NipCheck {
  const nip = normalizeNip(raw);
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: 'NOT_18_DIGITS' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const birth = new Date(Date.UTC(by, bm - 1, bd));
  if (by < 1900 || birth.getUTCFullYear() !== by || birth.getUTCMonth() !== bm - 1 || birth.getUTCDate() !== bd) {
    return { ok: false, reason: 'BAD_BIRTH_DATE' };
  }
  if (birth.getTime() > today.getTime()) return { ok: false, reason: 'BIRTH_IN_FUTURE' };
  const ay = Number(nip.slice(8, 12));
  const amRaw = nip.slice(12, 14);
  const pppk = amRaw === '21';
  const am = Number(amRaw);
  if (!pppk && (am < 1 || am > 12)) return { ok: false, reason: 'BAD_APPOINTMENT_MONTH' };
  if (ay <= by) return { ok: false, reason: 'APPOINTMENT_BEFORE_BIRTH' };
  if (!oldEnoughAtAppointment(by, bm, bd, ay, pppk ? null : am)) return { ok: false, reason: 'APPOINTED_UNDER_18' };
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;
  if (ay > thisYear || (!pppk && ay === thisYear && am > thisMonth)) return { ok: false, reason: 'APPOINTMENT_IN_FUTURE' };
  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, reason: 'BAD_SEX_DIGIT' };
  return {
    ok: true,
    kind: pppk ? 'PPPK' : 'PNS',
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointmentYear: ay,
    sex: sexDigit === '1' ? 'MALE' : 'FEMALE',
  };
}

/** Civil servants are appointed at 18 or older (UU ASN). */
const MIN_APPOINTMENT_AGE = 18;

/**
 * Whether the person was at least 18 on the appointment date. A PNS appointment (TMT) takes effect on
 * the first of its month; a PPPK number carries no month, so only its year can be held against the
 * birth date (the latest date in that year counts: someone born in December may be appointed that year).
 */
function oldEnoughAtAppointment(by: number, bm: number, bd: number, ay: number, am: number | null): boolean {
  const comingOfAge = Date.UTC(by + MIN_APPOINTMENT_AGE, bm - 1, bd);
  const appointment = am === null ? Date.UTC(ay, 11, 31) : Date.UTC(ay, am - 1, 1);
  return appointment >= comingOfAge;
}

/** What the public may see of a NIP: the first 4 and last 3 digits. */
export function maskNip(nip: string): string {
  return `${nip.slice(0, 4)}${'•'.repeat(nip.length - 7)}${nip.slice(-3)}`;
}
