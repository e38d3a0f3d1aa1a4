import { describe, expect, it } from 'vitest';
import { checkNip, checkNipFor, nipProblemText, normalizeNip } from '../../server/src/modules/person/index.js';

const today = new Date(Date.UTC(2026, 11, 2));

describe('NIP rules', () => {
  it('reads a NIP typed with spaces, dots, hyphens or en dashes as the same 18 digits (admin forms and sign-in alike)', () => {
    for (const typed of ['19850312 200304 1 001', '19850312.200304.1.001', '19850312-200304-1-001', '19850312\u2013200304\u20131\u2013001']) {
      expect(normalizeNip(typed)).toBe('198503122003041001');
      expect(checkNip(typed, today)).toMatchObject({ ok: true });
    }
  });

  it('refuses a NIP saying someone was appointed before they turned 18, to the month', () => {
    // Born 12 March 1985: 18 on 12 March 2003. A TMT takes effect on the first of its month.
    expect(checkNip('198503121995011001', today)).toEqual({ ok: false, reason: 'APPOINTED_UNDER_18' });
    expect(checkNip('198503122003031001', today)).toEqual({ ok: false, reason: 'APPOINTED_UNDER_18' });
    expect(checkNip('198503122003041001', today)).toMatchObject({ ok: true, kind: 'PNS', appointmentYear: 2003 });
    expect(checkNip('198503012003031001', today)).toMatchObject({ ok: true });
    // Born on 29 February: 18 on 1 March of a common year.
    expect(checkNip('200002292018021001', today)).toEqual({ ok: false, reason: 'APPOINTED_UNDER_18' });
    expect(checkNip('200002292018031001', today)).toMatchObject({ ok: true });
  });

  it('holds PPPK numbers (no month) to their year only, and keeps accepting them', () => {
    expect(checkNip('198503122003211001', today)).toMatchObject({ ok: true, kind: 'PPPK' });
    expect(checkNip('198512312003212001', today)).toMatchObject({ ok: true, kind: 'PPPK', sex: 'FEMALE' });
    expect(checkNip('198503122002211001', today)).toEqual({ ok: false, reason: 'APPOINTED_UNDER_18' });
    expect(checkNipFor('198503122022211001', 'PPPK', today)).toEqual({ ok: true, nip: '198503122022211001' });
  });

  it('keeps the earlier reasons first: an appointment before birth is still said as such', () => {
    expect(checkNip('198503121980011001', today)).toEqual({ ok: false, reason: 'APPOINTMENT_BEFORE_BIRTH' });
    expect(checkNip('198503122027011001', today)).toEqual({ ok: false, reason: 'APPOINTMENT_IN_FUTURE' });
  });

  it('explains the refusal in both languages', () => {
    const result = checkNipFor('198503121995011001', 'PNS', today);
    expect(result).toMatchObject({ ok: false, problem: 'APPOINTED_UNDER_18' });
    expect(nipProblemText.APPOINTED_UNDER_18.id).toContain('18 tahun');
    expect(nipProblemText.APPOINTED_UNDER_18.en).toContain('turned 18');
  });
});
