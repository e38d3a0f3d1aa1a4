/**
 * A city-sized dataset built inside PostgreSQL (generate_series, no rows cross the wire): one city
 * government, its civil servants with valid-shaped NIPs and supervisors, partner instructors, courses,
 * enrolments in every state, the learning-hours ledger and its yearly totals, and course counters that
 * match the enrolments. Deterministic: ids are md5 of a name and a number.
 */

const GIVEN = ['Asep', 'Budi', 'Dewi', 'Euis', 'Fajar', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lilis', 'Muhammad', 'Nurul', 'Putri', 'Rina', 'Siti', 'Teguh', 'Wahyu', 'Yanti', 'Zulkifli', 'Ratna'];
const FAMILY = ['Santoso', 'Permana', 'Siregar', 'Nasution', 'Rahmawati', 'Hidayat', 'Wibowo', 'Lestari', 'Tanjung', 'Kurniawan', 'Nugroho', 'Handayani', 'Simanjuntak', 'Effendi', 'Saputra', 'Pratiwi', 'Gunawan', 'Astuti', 'Hakim', 'Utomo'];
const TOPICS = ['Manajemen Proyek Pemerintah', 'Layanan Publik Digital', 'Kepemimpinan Adaptif', 'Komunikasi Publik', 'Analisis Data Kebijakan', 'Manajemen Program Kesehatan', 'Transportasi Perkotaan', 'Keuangan Daerah'];
const KINDS = ['Pelatihan', 'Bimbingan Teknis', 'Lokakarya', 'Kursus', 'Seminar'];
const TAGS = ['Integritas', 'Kerja Sama', 'Komunikasi', 'Orientasi pada Hasil', 'Pelayanan Publik', 'Pengembangan Diri dan Orang Lain', 'Mengelola Perubahan', 'Pengambilan Keputusan', 'Perekat Bangsa'];

// The sets that were native enums are text + CHECK since the course-runs migration (values in declaration order).
const FORMS = ['DEGREE_STUDY', 'LEADERSHIP_TRAINING', 'MANAGERIAL_TRAINING', 'TECHNICAL_TRAINING', 'FUNCTIONAL_TRAINING', 'SOCIO_CULTURAL_TRAINING',
  'SEMINAR', 'WORKSHOP', 'COURSE', 'UPGRADING', 'TECHNICAL_GUIDANCE', 'SOCIALISATION', 'COACHING', 'MENTORING', 'E_LEARNING', 'DISTANCE_LEARNING',
  'SECONDMENT', 'OUTBOUND', 'BENCHMARKING', 'STAFF_EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE', 'ON_THE_JOB_GUIDANCE', 'INTERNSHIP'];
const DELIVERIES = ['ONLINE_SELF_PACED', 'BLENDED', 'IN_PERSON'];
const POLICIES = ['OPEN', 'SUPERVISOR_APPROVAL', 'INVITATION'];
const arr = (items) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * @param {import('pg').Client} db a connection to a migrated, empty database
 * @param {{ people: number, courses: number, perPerson: number, instructors: number, units: number, passwordHash: string }} o
 */
export async function loadCityDataset(db, o) {
  const steps = [];
  const run = async (label, text, params = []) => {
    const t0 = performance.now();
    await db.query(text, params);
    steps.push(`${label} ${Math.round(performance.now() - t0)} ms`);
  };
  await db.query('begin');
  await run('agency', `insert into agency (id, code, name, kind) values (md5('agency')::uuid, 'BENCH-KOTA', 'Pemerintah Kota Tolok Ukur', 'CITY')`);
  await run('partners', `insert into partner_institution (id, code, name, kind, city)
    select md5('partner' || j)::uuid, 'BENCH-MITRA-' || j,
           (${arr(['Universitas Tolok Ukur', 'Institut Teknologi Tolok Ukur', 'Politeknik Tolok Ukur', 'Universitas Negeri Tolok Ukur', 'Balai Pelatihan Tolok Ukur'])})[j + 1],
           (case when j = 4 then 'GOVERNMENT_TRAINING_CENTRE' else 'UNIVERSITY' end)::partner_kind, 'Kota Tolok Ukur'
      from generate_series(0, 4) j`);
  await run('units', `insert into org_unit (id, agency_id, parent_id, name, path)
    select md5('unit' || u)::uuid, md5('agency')::uuid,
           case when u = 0 then null else md5('unit0')::uuid end,
           case when u = 0 then 'Sekretariat Daerah' else 'Unit Kerja ' || u end,
           case when u = 0 then md5('unit0')::uuid::text else md5('unit0')::uuid::text || '/' || md5('unit' || u)::uuid::text end
      from generate_series(0, $1::int - 1) u`, [o.units]);
  // Persons 1..units-1 head the units; everyone else reports to the head of their unit.
  // NIP: birth date + appointment (year, month or 21 for PPPK) + sex + sequence; (birth, sequence) is unique per i.
  await run('people', `insert into person (id, full_name, nip, employment_type, agency_id, org_unit_id, supervisor_id, position_title, rank, password_hash)
    select md5('person' || i)::uuid,
           (${arr(GIVEN)})[1 + i % 20] || ' ' || (${arr(FAMILY)})[1 + (i / 20) % 20] || ' ' || i,
           to_char(b.birth, 'YYYYMMDD') || (extract(year from b.birth)::int + 22 + i % 6)::text
             || case when i % 10 = 0 then '21' else lpad((1 + i % 12)::text, 2, '0') end
             || (1 + i % 2)::text || lpad((1 + i / 9000)::text, 3, '0'),
           (case when i % 10 = 0 then 'PPPK' else 'PNS' end)::employment_type,
           md5('agency')::uuid,
           md5('unit' || case when i < $2::int then i else 1 + i % ($2::int - 1) end)::uuid,
           case when i < $2::int then null else md5('person' || (1 + i % ($2::int - 1)))::uuid end,
           case when i < $2::int then 'Kepala Bidang' when i % 3 = 0 then 'Analis Kebijakan Ahli Pertama' else 'Pengadministrasi Perkantoran' end,
           case when i % 10 = 0 then 'IX' when i < $2::int then 'IV/a' else 'III/a' end,
           $3
      from generate_series(1, $1::int) i, lateral (select date '1968-01-01' + (i % 9000) as birth) b`, [o.people, o.units, o.passwordHash]);
  await run('instructors', `insert into person (id, full_name, email, employment_type, partner_id, position_title, password_hash)
    select md5('person' || (1000000 + j))::uuid, 'Dr. ' || (${arr(GIVEN)})[1 + j % 20] || ' ' || (${arr(FAMILY)})[1 + (j / 3) % 20] || ' ' || j,
           'instruktur' || j || '@mitra.test', 'NON_ASN', md5('partner' || j % 5)::uuid, 'Lektor', $2
      from generate_series(1, $1::int) j`, [o.instructors, o.passwordHash]);
  await run('grants', `insert into role_grant (person_id, role, agency_id, partner_id, scope_key)
    select md5('person' || (1000000 + j))::uuid, 'INSTRUCTOR'::role, null::uuid, md5('partner' || j % 5)::uuid, md5('partner' || j % 5)::uuid::text
      from generate_series(1, $1::int) j
    union all select md5('person1')::uuid, 'AGENCY_ADMIN'::role, md5('agency')::uuid, null::uuid, md5('agency')::uuid::text`, [o.instructors]);
  // Start dates spread from a year ago to two months ahead; every 20th course a draft, every 20th archived.
  await run('courses', `insert into course (id, code, title, description, form, delivery, jp, competency_tags, owner_agency_id, owner_partner_id,
                              cost_per_participant, status, visibility, published_at)
    select md5('course' || c)::uuid, 'BENCH-' || lpad(c::text, 6, '0'),
           (${arr(KINDS)})[1 + c % 5] || ' ' || (${arr(TOPICS)})[1 + (c / 5) % 8] || ' Angkatan ' || c,
           'Program pengembangan kompetensi untuk aparatur Kota Tolok Ukur, angkatan ' || c || '.',
           (${arr(FORMS)})[1 + c % 24], (${arr(DELIVERIES)})[1 + c % 3], 2 + c % 39,
           array[(${arr(TAGS)})[1 + c % 9], (${arr(TAGS)})[1 + (c / 9) % 9]],
           case when c % 5 = 0 then null else md5('agency')::uuid end,
           case when c % 5 = 0 then md5('partner' || (c / 5) % 5)::uuid end,
           (c % 10) * 250000,
           (case when c % 20 = 0 then 'DRAFT' when c % 20 = 1 then 'ARCHIVED' else 'PUBLISHED' end),
           (case when c % 5 <> 0 and c % 3 = 0 then 'OWN_AGENCY' else 'ALL_AGENCIES' end),
           case when c % 20 = 0 then null else s.starts_at - interval '30 days' end
      from generate_series(1, $1::int) c,
           lateral (select date_trunc('second', now() - interval '365 days' + c * (interval '425 days' / $1::int)) as starts_at) s`, [o.courses]);
  // One run per course (as the course-runs migration makes of a first-release course).
  await run('runs', `insert into course_run (id, course_id, code, enrolment_policy, starts_at, ends_at, location)
    select md5('run' || c)::uuid, md5('course' || c)::uuid, '1', (${arr(POLICIES)})[1 + c % 3],
           s.starts_at, s.starts_at + (1 + c % 5) * interval '1 day', 'Kota Tolok Ukur'
      from generate_series(1, $1::int) c,
           lateral (select date_trunc('second', now() - interval '365 days' + c * (interval '425 days' / $1::int)) as starts_at) s`, [o.courses]);
  await run('run instructors', `insert into course_run_instructor (run_id, person_id)
    select md5('run' || c)::uuid, md5('person' || (1000000 + 1 + c % $2::int))::uuid from generate_series(1, $1::int) c
    union
    select md5('run' || c)::uuid, md5('person' || (1000000 + 1 + (c * 7) % $2::int))::uuid from generate_series(1, $1::int) c where c % 2 = 0`,
  [o.courses, o.instructors]);
  // perPerson distinct courses per person; the status spread of a real year (55 % completed …).
  await run('enrolments', `insert into enrolment (id, person_id, course_id, run_id, status, approver_id, requested_at, created_at, waitlisted_at,
                                   decided_at, decided_by_id, decision_note, finished_at)
    select md5('enrol' || i || '-' || k)::uuid, md5('person' || i)::uuid, md5('course' || cc)::uuid, md5('run' || cc)::uuid, st,
           case when st in ('REQUESTED', 'REJECTED') and i >= $3::int then md5('person' || (1 + i % ($3::int - 1)))::uuid end,
           req, req,
           case when st = 'WAITLISTED' then req + interval '1 day' end,
           case when st = 'REJECTED' and i >= $3::int then req + interval '2 days' end,
           case when st = 'REJECTED' and i >= $3::int then md5('person' || (1 + i % ($3::int - 1)))::uuid end,
           case when st = 'REJECTED' then 'Kuota unit untuk triwulan ini sudah terpakai.' end,
           case when st in ('COMPLETED', 'FAILED', 'WITHDRAWN') then least(req + interval '20 days', date_trunc('second', now()) - interval '1 hour') end
      from (select i, k, 1 + ((i * 7919) % $2::int + k * ($2::int / $4::int)) % $2::int as cc,
                   case when h < 55 then 'COMPLETED' when h < 75 then 'ACTIVE' when h < 80 then 'REQUESTED' when h < 83 then 'WAITLISTED'
                        when h < 85 then 'FAILED' when h < 95 then 'WITHDRAWN' else 'REJECTED' end as st,
                   date_trunc('second', now() - ((i * 13 + k * 101) % 700) * interval '1 day' - (1 + (i + k * 37) % 23) * interval '1 hour') as req
              from generate_series(1, $1::int) i, generate_series(0, $4::int - 1) k,
                   lateral (select (i * 31 + k * 17) % 100 as h) hh) x`,
  [o.people, o.courses, o.units, o.perPerson]);
  await run('ledger', `insert into learning_record (id, person_id, year, minutes, source, enrolment_id, title, occurred_at)
    select md5('lr' || e.id)::uuid, e.person_id, extract(year from e.finished_at at time zone 'Asia/Jakarta')::int, c.jp * 45,
           'COURSE_COMPLETION', e.id, c.title, e.finished_at
      from enrolment e join course c on c.id = e.course_id where e.status = 'COMPLETED'`);
  await run('yearly totals', `insert into person_learning_year (person_id, year, minutes)
    select person_id, year, sum(minutes) from learning_record group by person_id, year`);
  // Counters as the application keeps them; two courses in three have a seat limit, some of them full.
  await run('counters', `update course_run r set seats_taken = x.seats, waitlist_length = x.waiting,
           capacity = case when c.jp % 3 = 0 then null else greatest(1, x.seats + c.jp % 7) end
      from (select run_id, count(*) filter (where status in ('ACTIVE', 'COMPLETED', 'FAILED'))::int as seats,
                   count(*) filter (where status = 'WAITLISTED')::int as waiting
              from enrolment group by run_id) x, course c
     where x.run_id = r.id and c.id = r.course_id`);
  await db.query('commit');
  await run('vacuum analyze', 'vacuum analyze');
  const { rows } = await db.query(`select (select count(*) from person)::int as people, (select count(*) from course)::int as courses,
      (select count(*) from enrolment)::int as enrolments, (select count(*) from learning_record)::int as records,
      (select count(*) from person_learning_year)::int as years, pg_size_pretty(pg_database_size(current_database())) as size`);
  return { counts: rows[0], steps };
}
