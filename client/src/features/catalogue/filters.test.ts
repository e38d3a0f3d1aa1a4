import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, parseFilters, toGraphqlFilter, toSearchParams, withoutFilters } from './filters';

const OWNER = '3f1c2b9e-8d4a-4c1e-9b7a-2a5d6e7f8a9b';

describe('catalogue filters in the URL', () => {
  it('round-trips every filter through readable search params', () => {
    const filters = {
      search: 'pelayanan publik',
      kinds: ['WORKSHOP' as const],
      programmes: false,
      groups: ['CLASSROOM' as const, 'NON_CLASSROOM' as const],
      form: 'TECHNICAL_GUIDANCE' as const,
      deliveries: ['IN_PERSON' as const],
      jp: '9-20' as const,
      competency: 'Integritas',
      owner: { kind: 'PARTNER' as const, id: OWNER },
      openOnly: true,
      includeEnded: true,
      sort: 'TITLE' as const,
    };
    const params = toSearchParams(filters);
    expect(params.toString()).toBe(
      `q=pelayanan+publik&jenis=lokakarya&kelompok=klasikal%2Cnonklasikal&bentuk=technical_guidance&metode=tatap-muka&jp=9-20&kompetensi=Integritas&penyelenggara=mitra%3A${OWNER}&tersedia=1&selesai=1&urut=judul`,
    );
    expect(parseFilters(new URLSearchParams(params.toString()))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(9);
    // Clearing the filters keeps the words and the order.
    expect(withoutFilters(filters)).toEqual({ ...EMPTY_FILTERS, search: 'pelayanan publik', sort: 'TITLE' });
  });

  it('ignores values it does not know instead of failing', () => {
    const f = parseFilters(new URLSearchParams('kelompok=x,klasikal&jp=5-6&penyelenggara=instansi:bukan-uuid&bentuk=1;drop&urut=acak&selesai=ya'));
    expect(f).toEqual({ ...EMPTY_FILTERS, groups: ['CLASSROOM'] });
  });

  it('reads and writes the kind (kursus, lokakarya & acara) as words in the URL', () => {
    const f = parseFilters(new URLSearchParams('jenis=lokakarya'));
    expect(f.kinds).toEqual(['WORKSHOP']);
    expect(toSearchParams(f).toString()).toBe('jenis=lokakarya');
    expect(toGraphqlFilter(f).kinds).toEqual(['WORKSHOP']);
    expect(activeFilterCount(f)).toBe(1);
  });

  it('reads and writes the kind "Program" beside the course kinds (jenis=program)', () => {
    const f = parseFilters(new URLSearchParams('jenis=lokakarya,program'));
    expect(f).toMatchObject({ kinds: ['WORKSHOP'], programmes: true });
    expect(toSearchParams(f).toString()).toBe('jenis=lokakarya%2Cprogram');
    expect(parseFilters(new URLSearchParams('jenis=program'))).toEqual({ ...EMPTY_FILTERS, programmes: true });
    // Programmes are not courses: the course filter the server gets is unchanged.
    expect(toGraphqlFilter(f).kinds).toEqual(['WORKSHOP']);
    expect(activeFilterCount(f)).toBe(1);
  });

  it('maps to the GraphQL filter, with the JP range as bounds', () => {
    const f = parseFilters(new URLSearchParams('jp=41-&metode=daring&penyelenggara=instansi:' + OWNER));
    expect(toGraphqlFilter(f)).toEqual({
      search: null,
      kinds: null,
      formGroups: null,
      forms: null,
      deliveries: ['ONLINE_SELF_PACED'],
      jpMin: 41,
      jpMax: null,
      competency: null,
      ownerAgencyId: OWNER,
      ownerPartnerId: null,
      openOnly: null,
      includeEnded: null,
    });
  });
});
