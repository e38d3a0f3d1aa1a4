/**
 * Catalogue filters live in the URL (?q=…&kelompok=klasikal&metode=daring&jp=9-20…), so a
 * filtered list is a link a colleague can open. Readable Indonesian slugs, never internal ids
 * where a word will do.
 */
import type { CatalogueSort, CourseKind, DeliveryMode, DevelopmentForm, DevelopmentFormGroup } from '../../gql/__generated__/graphql';

export type FormGroup = DevelopmentFormGroup;
export type Delivery = DeliveryMode;

export interface CatalogueFilters {
  search: string;
  /** Courses (kursus), workshops and events (lokakarya & acara), or both (empty). */
  kinds: CourseKind[];
  /** The kind "Program" (jenis=program): programmes to join (path area), shown instead of courses when it is the only kind. */
  programmes: boolean;
  groups: FormGroup[];
  form: DevelopmentForm | null;
  deliveries: Delivery[];
  jp: JpRange | null;
  competency: string | null;
  owner: { kind: 'AGENCY' | 'PARTNER'; id: string } | null;
  openOnly: boolean;
  /** "Termasuk yang sudah selesai": ended courses are hidden unless this is on. */
  includeEnded: boolean;
  /** null: the server's default (most relevant when searching, otherwise what one can start soonest). */
  sort: CatalogueSort | null;
}

export type JpRange = '1-8' | '9-20' | '21-40' | '41-';
export const JP_RANGES: JpRange[] = ['1-8', '9-20', '21-40', '41-'];

const GROUP_SLUG: Record<FormGroup, string> = { EDUCATION: 'pendidikan', CLASSROOM: 'klasikal', NON_CLASSROOM: 'nonklasikal' };
const DELIVERY_SLUG: Record<Delivery, string> = { ONLINE_SELF_PACED: 'daring', BLENDED: 'blended', IN_PERSON: 'tatap-muka' };
const KIND_SLUG: Record<CourseKind, string> = { COURSE: 'kursus', WORKSHOP: 'lokakarya' };
export const COURSE_KINDS = Object.keys(KIND_SLUG) as CourseKind[];
const PROGRAMME_SLUG = 'program';
const SORT_SLUG: Record<CatalogueSort, string> = { RELEVANCE: 'relevan', SOONEST: 'segera', START_DATE: 'tanggal-mulai', NEWEST: 'terbaru', TITLE: 'judul' };
/** The sorts offered, in the order of the menu. */
export const SORTS = Object.keys(SORT_SLUG) as CatalogueSort[];
export const FORM_GROUPS = Object.keys(GROUP_SLUG) as FormGroup[];
export const DELIVERIES = Object.keys(DELIVERY_SLUG) as Delivery[];

function fromSlugs<T extends string>(value: string | null, map: Record<T, string>): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((s) => s.trim().toLowerCase()));
  return (Object.keys(map) as T[]).filter((k) => wanted.has(map[k]));
}

/** Every form of development (bentuk pengembangan), in the order of the regulation. */
export const ALL_FORMS: DevelopmentForm[] = [
  'DEGREE_STUDY', 'LEADERSHIP_TRAINING', 'MANAGERIAL_TRAINING', 'TECHNICAL_TRAINING', 'FUNCTIONAL_TRAINING',
  'SOCIO_CULTURAL_TRAINING', 'SEMINAR', 'WORKSHOP', 'COURSE', 'UPGRADING', 'TECHNICAL_GUIDANCE', 'SOCIALISATION',
  'COACHING', 'MENTORING', 'E_LEARNING', 'DISTANCE_LEARNING', 'SECONDMENT', 'OUTBOUND', 'BENCHMARKING',
  'STAFF_EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE', 'ON_THE_JOB_GUIDANCE', 'INTERNSHIP',
];
const FORMS = new Set<string>(ALL_FORMS);

export const EMPTY_FILTERS: CatalogueFilters = {
  search: '',
  kinds: [],
  programmes: false,
  groups: [],
  form: null,
  deliveries: [],
  jp: null,
  competency: null,
  owner: null,
  openOnly: false,
  includeEnded: false,
  sort: null,
};

/** No filters left, but the search words and the chosen order kept. */
export const withoutFilters = (f: CatalogueFilters): CatalogueFilters => ({ ...EMPTY_FILTERS, search: f.search, sort: f.sort });

export function parseFilters(params: URLSearchParams): CatalogueFilters {
  const jp = params.get('jp');
  const owner = params.get('penyelenggara');
  const ownerMatch = owner ? /^(instansi|mitra):([0-9a-f-]{36})$/i.exec(owner) : null;
  const form = params.get('bentuk');
  return {
    search: params.get('q')?.slice(0, 200) ?? '',
    kinds: fromSlugs(params.get('jenis'), KIND_SLUG),
    programmes: fromSlugs(params.get('jenis'), { P: PROGRAMME_SLUG }).length > 0,
    groups: fromSlugs(params.get('kelompok'), GROUP_SLUG),
    form: form && FORMS.has(form.toUpperCase()) ? (form.toUpperCase() as DevelopmentForm) : null,
    deliveries: fromSlugs(params.get('metode'), DELIVERY_SLUG),
    jp: JP_RANGES.includes(jp as JpRange) ? (jp as JpRange) : null,
    competency: params.get('kompetensi')?.slice(0, 60) || null,
    owner: ownerMatch ? { kind: ownerMatch[1].toLowerCase() === 'instansi' ? 'AGENCY' : 'PARTNER', id: ownerMatch[2].toLowerCase() } : null,
    openOnly: params.get('tersedia') === '1',
    includeEnded: params.get('selesai') === '1',
    sort: fromSlugs(params.get('urut'), SORT_SLUG)[0] ?? null,
  };
}

export function toSearchParams(f: CatalogueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.search.trim()) p.set('q', f.search.trim());
  const kinds = f.kinds.map((k) => KIND_SLUG[k]);
  if (f.programmes) kinds.push(PROGRAMME_SLUG);
  if (kinds.length) p.set('jenis', kinds.join(','));
  if (f.groups.length) p.set('kelompok', f.groups.map((g) => GROUP_SLUG[g]).join(','));
  if (f.form) p.set('bentuk', f.form.toLowerCase());
  if (f.deliveries.length) p.set('metode', f.deliveries.map((d) => DELIVERY_SLUG[d]).join(','));
  if (f.jp) p.set('jp', f.jp);
  if (f.competency) p.set('kompetensi', f.competency);
  if (f.owner) p.set('penyelenggara', `${f.owner.kind === 'AGENCY' ? 'instansi' : 'mitra'}:${f.owner.id}`);
  if (f.openOnly) p.set('tersedia', '1');
  if (f.includeEnded) p.set('selesai', '1');
  if (f.sort) p.set('urut', SORT_SLUG[f.sort]);
  return p;
}

function jpBounds(range: JpRange | null): { jpMin: number | null; jpMax: number | null } {
  if (!range) return { jpMin: null, jpMax: null };
  const [min, max] = range.split('-');
  return { jpMin: Number(min), jpMax: max ? Number(max) : null };
}

/** The GraphQL CatalogueFilter for these filters (null when nothing is filtered). */
export function toGraphqlFilter(f: CatalogueFilters) {
  const { jpMin, jpMax } = jpBounds(f.jp);
  return {
    search: f.search.trim() || null,
    kinds: f.kinds.length ? f.kinds : null,
    formGroups: f.groups.length ? f.groups : null,
    forms: f.form ? [f.form] : null,
    deliveries: f.deliveries.length ? f.deliveries : null,
    jpMin,
    jpMax,
    competency: f.competency,
    ownerAgencyId: f.owner?.kind === 'AGENCY' ? f.owner.id : null,
    ownerPartnerId: f.owner?.kind === 'PARTNER' ? f.owner.id : null,
    openOnly: f.openOnly || null,
    includeEnded: f.includeEnded || null,
  };
}

/** How many filters (besides the search words) are on: shown on the "Filter" button. */
export function activeFilterCount(f: CatalogueFilters): number {
  return (
    (f.kinds.length || f.programmes ? 1 : 0) +
    (f.groups.length ? 1 : 0) +
    (f.form ? 1 : 0) +
    (f.deliveries.length ? 1 : 0) +
    (f.jp ? 1 : 0) +
    (f.competency ? 1 : 0) +
    (f.owner ? 1 : 0) +
    (f.openOnly ? 1 : 0) +
    (f.includeEnded ? 1 : 0)
  );
}
