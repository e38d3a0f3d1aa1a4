/** Golongan/ruang of PNS and the grades of PPPK, as written on decrees. */
export const PNS_RANKS = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];
export const PPPK_GRADES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

/** Digits of a NIP as typed ("19850312 201001 1 003" → 18 digits). */
export function nipDigits(value: string): string {
  return value.replace(/[\s.]/g, '');
}
