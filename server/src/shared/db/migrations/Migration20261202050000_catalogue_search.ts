import { Migration } from '@mikro-orm/migrations';

/** Common Indonesian government-training abbreviations and what they stand for (term, expansion). */
const SYNONYMS: [string, string][] = [
  ['bimtek', 'bimbingan teknis'],
  ['diklat', 'pendidikan dan pelatihan'],
  ['diklat', 'pelatihan'],
  ['latsar', 'pelatihan dasar'],
  ['latpim', 'pelatihan kepemimpinan'],
  ['diklatpim', 'pendidikan dan pelatihan kepemimpinan'],
  ['diklatpim', 'pelatihan kepemimpinan'],
  ['pka', 'pelatihan kepemimpinan administrator'],
  ['pkp', 'pelatihan kepemimpinan pengawas'],
  ['pkn', 'pelatihan kepemimpinan nasional'],
  ['tot', 'training of trainers'],
  ['tot', 'pelatihan untuk pelatih'],
  ['orientasi', 'pembekalan'],
  ['bmn', 'barang milik negara'],
  ['bmd', 'barang milik daerah'],
  ['pbj', 'pengadaan barang dan jasa'],
  ['spbe', 'sistem pemerintahan berbasis elektronik'],
  ['sakip', 'sistem akuntabilitas kinerja instansi pemerintah'],
  ['lakip', 'laporan akuntabilitas kinerja instansi pemerintah'],
  ['spip', 'sistem pengendalian intern pemerintah'],
  ['skp', 'sasaran kinerja pegawai'],
  ['asn', 'aparatur sipil negara'],
  ['pns', 'pegawai negeri sipil'],
  ['cpns', 'calon pegawai negeri sipil'],
  ['pppk', 'pegawai pemerintah dengan perjanjian kerja'],
  ['sdm', 'sumber daya manusia'],
  ['opd', 'organisasi perangkat daerah'],
  ['anjab', 'analisis jabatan'],
  ['abk', 'analisis beban kerja'],
  ['rb', 'reformasi birokrasi'],
  ['ptsp', 'pelayanan terpadu satu pintu'],
  ['apbd', 'anggaran pendapatan dan belanja daerah'],
  ['apbn', 'anggaran pendapatan dan belanja negara'],
  ['renstra', 'rencana strategis'],
  ['musrenbang', 'musyawarah perencanaan pembangunan'],
  ['kak', 'kerangka acuan kerja'],
  ['tik', 'teknologi informasi dan komunikasi'],
  ['k3', 'keselamatan dan kesehatan kerja'],
  ['sop', 'standar operasional prosedur'],
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Finding the right course (issue 5, items 16 and 18): the enrolment deadline, the indexes behind the
 * catalogue's sorts, the synonym list as data, and the search query built from both in PostgreSQL.
 */
export class Migration20261202050000_catalogue_search extends Migration {
  override up(): void {
    this.addSql(`alter table "course" add column "enrolment_closes_at" timestamptz null;`);
    this.addSql(`create index "course_catalogue_start_idx" on "course" ((coalesce("starts_at", '-infinity'::timestamptz)), "id") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "course_catalogue_title_idx" on "course" ((lower("title")), "id") where "status" = 'PUBLISHED';`);
    this.addSql(`create table "search_synonym" ("term" varchar(40) not null, "expansion" varchar(200) not null, primary key ("term", "expansion"));`);
    this.addSql(`insert into "search_synonym" ("term", "expansion") values ${SYNONYMS.map(([t, e]) => `(${quote(t)}, ${quote(e)})`).join(', ')};`);
    /*
     * The catalogue's text query for what a person typed:
     *  1. websearch syntax as before (stemmed Indonesian: "pelatihan" finds "latihan");
     *  2. OR the same words with typos fixed: each word of four letters or more is replaced by the most
     *     similar word of a published course title ("pelayann" → "pelayanan", which then stems like any
     *     word), found through the title's trigram index;
     *  3. rewritten by the synonym list in both directions: a term becomes (term | expansion as a phrase)
     *     and an expansion's words become (those words | term), so "bimtek" finds "Bimbingan Teknis …"
     *     and "bimbingan teknis" finds "Bimtek …".
     * Stable, not immutable: it reads tables. Callers wrap it in a scalar subquery so it runs once per statement.
     */
    this.addSql(`create or replace function lentera_ext.catalogue_tsquery(search text) returns tsquery
      language sql stable parallel safe as $fn$
        with words as (
          select w.word, w.n from regexp_split_to_table(lower($1), '[^[:alnum:]]+') with ordinality as w(word, n) where w.word <> ''
        ), fixed as (
          select string_agg(coalesce(
                   (select v.word
                      from course c cross join lateral regexp_split_to_table(lower(c.title), '[^[:alnum:]]+') as v(word)
                     where length(words.word) >= 4 and c.status = 'PUBLISHED' and words.word <% c.title
                       and similarity(v.word, words.word) >= 0.5
                     order by similarity(v.word, words.word) desc, v.word
                     limit 1),
                   words.word), ' ' order by words.n) as corrected,
                 string_agg(words.word, ' ' order by words.n) as typed
            from words
        )
        select ts_rewrite(
          case when fixed.corrected <> fixed.typed
               then websearch_to_tsquery('indonesian', $1) || plainto_tsquery('indonesian', fixed.corrected)
               else websearch_to_tsquery('indonesian', $1) end,
          -- Longest first, so "pelatihan kepemimpinan administrator" meets PKA before "pelatihan" meets diklat.
          $rules$
            select r.target, r.substitute from (
              select phraseto_tsquery('indonesian', s.term) as target,
                     phraseto_tsquery('indonesian', s.term) || phraseto_tsquery('indonesian', s.expansion) as substitute
                from search_synonym s
              union all
              select plainto_tsquery('indonesian', s.expansion),
                     plainto_tsquery('indonesian', s.expansion) || phraseto_tsquery('indonesian', s.term)
                from search_synonym s
            ) r
            where numnode(r.target) > 0 and numnode(r.substitute) > numnode(r.target)
            order by numnode(r.target) desc, r.target::text
          $rules$)
          from fixed
      $fn$;`);
  }
}
