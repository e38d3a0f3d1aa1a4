import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('skips titles and degrees', () => {
    expect(initials('Dr. Ir. Rina Kusumawati')).toBe('RK');
    expect(initials('Budi Santoso, S.T., M.T.')).toBe('BS');
    expect(initials('Hj. Siti Aminah')).toBe('SA');
    expect(initials('Asep')).toBe('A');
  });
});
