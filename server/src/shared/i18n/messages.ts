/**
 * User-facing messages for error codes, Bahasa Indonesia first. The client translates by
 * `extensions.code` too; these are what API callers (and logs) read. `{name}` placeholders are
 * filled from the error's params.
 */
export type Locale = 'id' | 'en';

export const errorMessages: Record<string, { id: string; en: string }> = {
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { id: 'Data yang dicari tidak ditemukan.', en: 'The requested item was not found.' },
  BAD_USER_INPUT: { id: 'Periksa kembali isian Anda.', en: 'Please check what you entered.' },
  INTERNAL_SERVER_ERROR: {
    id: 'Terjadi kesalahan pada server. Coba lagi sebentar lagi.',
    en: 'Something went wrong on the server. Please try again shortly.',
  },
  BAD_REQUEST: {
    id: 'Permintaan tidak dapat dibaca. Kirim kueri GraphQL sebagai JSON yang sah.',
    en: 'The request could not be read. Send a GraphQL query as valid JSON.',
  },
  PAYLOAD_TOO_LARGE: { id: 'Permintaan terlalu besar.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    id: 'Jenis isi permintaan tidak didukung. Gunakan application/json.',
    en: 'Unsupported request content type. Use application/json.',
  },
  METHOD_NOT_ALLOWED: {
    id: 'Metode HTTP ini tidak didukung di sini. Gunakan GET atau POST.',
    en: 'This HTTP method is not supported here. Use GET or POST.',
  },
  INVALID_CREDENTIALS: {
    id: 'NIP/e-mail atau kata sandi salah.',
    en: 'Wrong NIP/e-mail or password.',
  },
  TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan kata sandi. Demi keamanan akun, coba lagi dalam {minutes} menit.',
    en: 'Too many password attempts. To keep the account safe, try again in {minutes} minutes.',
  },
  WRONG_CURRENT_PASSWORD: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  PASSWORD_UNCHANGED: {
    id: 'Kata sandi baru harus berbeda dari kata sandi saat ini.',
    en: 'The new password must differ from the current one.',
  },
  RESET_LINK_INVALID: {
    id: 'Tautan atur ulang kata sandi ini sudah dipakai atau kedaluwarsa. Minta tautan baru.',
    en: 'This password reset link has been used or has expired. Ask for a new one.',
  },
  TOO_MANY_RESET_REQUESTS: {
    id: 'Terlalu banyak permintaan atur ulang kata sandi. Coba lagi dalam {minutes} menit.',
    en: 'Too many password reset requests. Try again in {minutes} minutes.',
  },
  INVALID_NIP: { id: 'NIP tidak valid: {reason}', en: 'Invalid NIP: {reason}' },
  DUPLICATE_NIP: { id: 'NIP ini sudah terdaftar.', en: 'This NIP is already registered.' },
  DUPLICATE_EMAIL: { id: 'E-mail ini sudah terdaftar.', en: 'This e-mail is already registered.' },
  DUPLICATE_CODE: { id: 'Kode ini sudah dipakai.', en: 'This code is already in use.' },
  DUPLICATE_NIDN: { id: 'NIDN ini sudah terdaftar.', en: 'This NIDN is already registered.' },
  INVITATION_INVALID: {
    id: 'Tautan undangan ini sudah dipakai, dicabut, atau kedaluwarsa. Minta undangan baru kepada admin mitra.',
    en: 'This invitation link has been used, revoked or has expired. Ask the partner admin for a new one.',
  },
  INVITATION_PENDING: {
    id: 'Alamat ini sudah diundang dan undangannya masih terbuka. Kirim ulang undangan itu.',
    en: 'This address already has an open invitation. Resend that invitation instead.',
  },
  INVITATION_CLOSED: {
    id: 'Undangan ini sudah diterima atau dicabut.',
    en: 'This invitation has already been accepted or revoked.',
  },
  ALREADY_STAFF: { id: 'Orang dengan e-mail ini sudah menjadi staf mitra Anda.', en: 'Someone with this e-mail is already staff of your institution.' },
  EMAIL_NOT_INVITABLE: {
    id: 'Alamat e-mail ini tidak dapat diundang. Hubungi admin platform.',
    en: 'This e-mail address cannot be invited. Contact the platform admin.',
  },
  NOT_PARTNER_STAFF: {
    id: 'Orang ini bukan staf lembaga mitra.',
    en: 'This person is not staff of a partner institution.',
  },
  INVALID_SUPERVISOR: {
    id: 'Atasan langsung harus pegawai aktif di instansi yang sama dan bukan dirinya sendiri atau bawahannya.',
    en: 'The supervisor must be an active employee of the same agency, and not the person or one of their subordinates.',
  },
  INVALID_ORG_UNIT: {
    id: 'Unit kerja harus milik instansi yang sama dan tidak boleh menjadi induk dirinya sendiri.',
    en: 'The org unit must belong to the same agency and cannot be its own parent.',
  },
  ORG_UNIT_NOT_EMPTY: {
    id: 'Unit kerja masih memiliki sub-unit atau pegawai. Pindahkan dulu sebelum menghapus.',
    en: 'The org unit still has sub-units or people. Move them before deleting it.',
  },
  NIP_REQUIRED: { id: 'PNS dan PPPK wajib memiliki NIP.', en: 'PNS and PPPK employees need a NIP.' },
  EMAIL_REQUIRED: {
    id: 'Pegawai non-ASN wajib memiliki e-mail untuk masuk.',
    en: 'Non-ASN staff need an e-mail address to sign in.',
  },
  INVALID_RANK: {
    id: 'Golongan tidak sesuai: PNS I/a–IV/e, PPPK I–XVII.',
    en: 'Invalid rank: PNS I/a–IV/e, PPPK I–XVII.',
  },
  COURSE_NOT_OPEN: {
    id: 'Kursus ini tidak sedang dibuka untuk pendaftaran.',
    en: 'This course is not open for enrolment.',
  },
  COURSE_ENDED: {
    id: 'Pendaftaran ditutup: kursus ini sudah selesai. Cari kursus lain di katalog.',
    en: 'Enrolment is closed: this course has ended. Find another course in the catalogue.',
  },
  ENROLMENT_DEADLINE_PASSED: {
    id: 'Pendaftaran ditutup: batas waktu pendaftaran kursus ini sudah lewat.',
    en: 'Enrolment is closed: the enrolment deadline of this course has passed.',
  },
  RUN_CANCELLED: {
    id: 'Angkatan ini dibatalkan. Pilih angkatan lain dari kursus ini.',
    en: 'This run was cancelled. Choose another run of this course.',
  },
  ALREADY_IN_ANOTHER_RUN: {
    id: 'Anda sudah terdaftar di angkatan lain dari kursus ini. Mundur dulu dari angkatan itu untuk pindah.',
    en: 'You are already in another run of this course. Withdraw from it first to switch.',
  },
  PROGRAMME_NOT_COMPLETED: {
    id: 'Program ini dapat dinilai setelah Anda menyelesaikannya.',
    en: 'You can rate this programme once you have completed it.',
  },
  RATING_OUT_OF_RANGE: { id: 'Nilai harus bilangan bulat 1 sampai 5.', en: 'The rating must be a whole number from 1 to 5.' },
  RATING_COMMENT_TOO_LONG: { id: 'Komentar paling banyak {max} karakter.', en: 'The comment may be at most {max} characters.' },
  COURSE_ALREADY_COMPLETED: {
    id: 'Anda sudah menyelesaikan kursus ini; JP-nya sudah dicatat.',
    en: 'You have already completed this course; its JP are recorded.',
  },
  INVALID_ONLINE_URL: {
    id: 'Tautan daring harus diawali https:// (tautan rapat memuat kode sandinya, jadi tidak boleh lewat http://).',
    en: 'The online link must start with https:// (a meeting link carries its passcode, so never plain http://).',
  },
  COURSE_NOT_VISIBLE: {
    id: 'Kursus ini tidak tersedia untuk instansi Anda.',
    en: 'This course is not available to your agency.',
  },
  INVITATION_ONLY: {
    id: 'Kursus ini hanya untuk peserta yang diundang oleh admin instansi.',
    en: 'This course is by invitation of the agency admin only.',
  },
  NOT_A_LEARNER: {
    id: 'Hanya ASN aktif yang dapat mendaftar kursus.',
    en: 'Only active civil servants can enrol in courses.',
  },
  NO_SUPERVISOR: {
    id: 'Kursus ini memerlukan persetujuan atasan, tetapi atasan langsung Anda belum tercatat. Hubungi admin instansi.',
    en: 'This course needs your supervisor’s approval, but no supervisor is recorded for you. Contact your agency admin.',
  },
  INVALID_TRANSITION: {
    id: 'Status pendaftaran "{from}" tidak dapat diubah dengan cara ini.',
    en: 'An enrolment in status "{from}" cannot be changed this way.',
  },
  // Programme nominations (modules/programme/nomination.*).
  COHORT_NOMINATIONS_CLOSED: {
    id: 'Angkatan ini tidak lagi menerima usulan peserta atau pendaftaran (batas waktu lewat, belum terbit, atau dibatalkan).',
    en: 'This cohort no longer takes nominations or applications (past the deadline, not published, or cancelled).',
  },
  QUOTA_FULL: {
    id: 'Kuota kursi instansi di angkatan ini tidak cukup. Tidak ada yang disimpan.',
    en: 'The agency’s quota in this cohort has too few seats left. Nothing was saved.',
  },
  ALREADY_NOMINATED: {
    id: 'Pegawai ini sudah menjadi peserta (atau sudah mendaftar) di angkatan ini.',
    en: 'This person is already a participant of (or has applied to) this cohort.',
  },
  ITEM_RUN_FULL: {
    id: 'Salah satu kelas dalam angkatan ini sudah penuh. Hubungi pengelola program.',
    en: 'One of the cohort’s item runs is full. Contact the programme’s managers.',
  },
  RELEASE_DEADLINE_PASSED: {
    id: 'Batas waktu pengembalian kursi sudah lewat.',
    en: 'The deadline for releasing seats has passed.',
  },
  // Setting a quota (build) and releasing seats (nomination) alike: a quota never drops below the seats its people hold.
  QUOTA_BELOW_TAKEN: {
    id: 'Kuota tidak boleh kurang dari kursi yang sudah terisi; hanya kursi yang belum terpakai yang dapat dikurangi atau dikembalikan.',
    en: 'A quota cannot drop below the seats already taken; only unused seats can be removed or released.',
  },
  COHORT_NOT_SELF_APPLY: {
    id: 'Angkatan ini tidak menerima pendaftaran mandiri; peserta diusulkan oleh admin instansi.',
    en: 'This cohort does not take self-applications; participants are nominated by their agency admin.',
  },
  COURSE_NOT_STARTED: {
    id: 'Kursus belum dimulai, jadi hasil peserta belum dapat dicatat.',
    en: 'The course has not started yet, so no outcome can be recorded.',
  },
  COURSE_NOT_ENDED: {
    id: 'Kursus belum berakhir. Konfirmasi bahwa hasil ini dicatat lebih awal (early: true).',
    en: 'The course has not ended yet. Confirm that this outcome is recorded early (early: true).',
  },
  CAPACITY_BELOW_TAKEN: {
    id: 'Kapasitas tidak boleh lebih kecil dari kursi yang sudah terisi ({taken}).',
    en: 'Capacity cannot be lower than the seats already taken ({taken}).',
  },
  INVALID_OWNER: {
    id: 'Penyelenggara kursus harus tepat satu: instansi atau mitra.',
    en: 'A course needs exactly one owner: an agency or a partner.',
  },
  INVALID_INSTRUCTOR: {
    id: 'Pengajar harus orang aktif yang memiliki peran pengajar.',
    en: 'Instructors must be active people holding the instructor role.',
  },
  INVALID_DATES: { id: 'Tanggal selesai harus setelah tanggal mulai.', en: 'The end date must be after the start date.' },
  INVALID_RECURRENCE: {
    id: 'Pola pengulangan tidak valid: gunakan mingguan atau bulanan dengan hari yang dipilih.',
    en: 'The recurrence is not valid: use weekly or monthly with the chosen days.',
  },
  SERIES_TOO_LONG: {
    id: 'Rangkaian paling lama {months} bulan dan paling banyak {count} pertemuan. Perpendek tanggal akhirnya.',
    en: 'A series lasts at most {months} months and {count} occurrences. Choose an earlier end.',
  },
  SERIES_EMPTY: {
    id: 'Pola ini tidak menghasilkan satu pun tanggal sebelum tanggal akhir.',
    en: 'This rule gives no date before the end.',
  },
  NOT_A_SERIES_OCCURRENCE: {
    id: 'Angkatan ini bukan bagian dari rangkaian forum.',
    en: 'This run is not an occurrence of a series.',
  },
  AGREEMENT_MISSING: {
    id: 'Belum ada perjanjian kerja sama dengan {partner} yang berlaku pada tanggal kelas ini. Pengajar dari mitra tersebut belum dapat ditugaskan.',
    en: 'There is no cooperation agreement with {partner} in force on this run’s dates. Instructors from that partner cannot be assigned yet.',
  },
  AGREEMENT_EXPIRED: {
    id: 'Perjanjian kerja sama {number} dengan {partner} berakhir pada {date}, sebelum kelas ini selesai. Perpanjang perjanjiannya terlebih dahulu.',
    en: 'Cooperation agreement {number} with {partner} ended on {date}, before this run ends. Extend the agreement first.',
  },
  AGREEMENT_NOT_COVERING_FORM: {
    id: 'Perjanjian kerja sama {number} dengan {partner} tidak mencakup bentuk pengembangan kursus ini.',
    en: 'Cooperation agreement {number} with {partner} does not cover this course’s form of development.',
  },
  AGREEMENT_ENDS_BEFORE_START: {
    id: 'Tanggal berakhir perjanjian tidak boleh sebelum tanggal mulai berlaku.',
    en: 'The agreement cannot end before it starts.',
  },
  DUPLICATE_AGREEMENT_NUMBER: {
    id: 'Nomor perjanjian ini sudah dipakai untuk mitra yang sama.',
    en: 'This agreement number is already used with the same partner.',
  },
  DOCUMENT_TOO_LARGE: { id: 'Dokumen terlalu besar. Ukuran paling besar 10 MB.', en: 'The document is too large. The limit is 10 MB.' },
  DOCUMENT_NOT_PDF: { id: 'Dokumen harus berupa berkas PDF.', en: 'The document must be a PDF file.' },
  LOGO_TOO_LARGE: { id: 'Logo terlalu besar. Ukuran paling besar 1 MB.', en: 'The logo is too large. The limit is 1 MB.' },
  LOGO_NOT_IMAGE: { id: 'Logo harus berupa gambar PNG atau JPEG.', en: 'The logo must be a PNG or JPEG image.' },
  SESSION_ENDS_BEFORE_START: { id: 'Sesi harus berakhir setelah dimulai.', en: 'A session must end after it starts.' },
  SESSION_TOO_LONG: { id: 'Satu sesi paling lama {hours} jam; bagi acara yang lebih panjang menjadi beberapa sesi.', en: 'A session lasts at most {hours} hours; split a longer event into several sessions.' },
  // Sessions, materials and recurring series.
  NOT_A_WORKSHOP: {
    id: 'Sesi, materi, dan rangkaian pertemuan hanya untuk lokakarya, seminar, atau forum (bukan kursus).',
    en: 'Sessions, materials and series belong to workshops, seminars and forums (not courses).',
  },
  SESSION_CANCELLED: { id: 'Sesi ini sudah dibatalkan.', en: 'This session has been cancelled.' },
  SESSION_ENDED: { id: 'Sesi ini sudah selesai dan tidak dapat dibatalkan.', en: 'This session has ended and cannot be cancelled.' },
  TOO_MANY_SESSIONS: { id: 'Satu angkatan paling banyak {max} sesi.', en: 'A run has at most {max} sessions.' },
  TOO_MANY_MATERIALS: { id: 'Satu angkatan paling banyak {max} materi.', en: 'A run has at most {max} materials.' },
  INVALID_HTTPS_URL: { id: 'Tautan harus berupa alamat https:// yang lengkap.', en: 'The link must be a full https:// address.' },
  MATERIAL_TOO_LARGE: { id: 'Berkas terlalu besar. Ukuran paling besar 20 MB.', en: 'The file is too large. The limit is 20 MB.' },
  MATERIAL_TYPE_NOT_ALLOWED: { id: 'Berkas harus berupa PDF, PowerPoint, Word, Excel, PNG, atau JPEG.', en: 'The file must be a PDF, PowerPoint, Word, Excel, PNG or JPEG file.' },
  INVALID_ENROLMENT_DEADLINE: {
    id: 'Batas pendaftaran tidak boleh setelah kursus selesai.',
    en: 'The enrolment deadline cannot be after the course ends.',
  },
  COURSE_NOT_DRAFT: {
    id: 'Hanya kursus berstatus draf yang dapat diterbitkan.',
    en: 'Only draft courses can be published.',
  },
  COURSE_ARCHIVED: {
    id: 'Kursus ini sudah diarsipkan dan tidak dapat diubah lagi.',
    en: 'This course is archived and can no longer be changed.',
  },
  // Programme library: sharing, adoption, joining a cohort.
  PROGRAMME_NOT_PUBLISHED: { id: 'Hanya program yang sudah diterbitkan yang dapat dibagikan.', en: 'Only published programmes can be shared.' },
  PROGRAMME_NOT_SHARED: { id: 'Program ini tidak sedang dibagikan di pustaka program.', en: 'This programme is not shared in the programme library.' },
  PROGRAMME_ALREADY_YOURS: { id: 'Program ini milik instansi Anda sendiri; ubah langsung tanpa mengadopsinya.', en: 'This programme already belongs to your agency; change it directly instead of adopting it.' },
  COHORT_NOT_OFFERING_SEATS: { id: 'Angkatan ini tidak menawarkan kursi kepada instansi lain.', en: 'This cohort does not offer seats to other agencies.' },
  COHORT_CLOSED: { id: 'Angkatan ini sudah tidak menerima peserta.', en: 'This cohort no longer takes participants.' },
  COHORT_SEATS_UNAVAILABLE: { id: 'Kursi yang masih tersedia hanya {free}.', en: 'Only {free} seats are still available.' },
  INVALID_CURSOR: { id: 'Penanda halaman tidak valid.', en: 'Invalid page cursor.' },
  EXPORT_TOO_LARGE: {
    id: 'Ekspor ini lebih dari {limit} baris. Mulai ekspor dari halaman Ekspor JP; tautan unduhannya dikirim ke e-mail Anda.',
    en: 'This export has more than {limit} lines. Start it from the JP export page; its download link is mailed to you.',
  },
  RULE_NOT_FOUND: {
    id: 'Belum ada aturan JP yang berlaku untuk tanggal ini.',
    en: 'No JP rule set is in force for this date.',
  },
  ATTENDANCE_NOT_OPEN: {
    id: 'Kehadiran sesi ini baru dapat dicatat 15 menit sebelum sesi dimulai.',
    en: 'Attendance for this session can be recorded from 15 minutes before it starts.',
  },
  ATTENDANCE_NOT_A_SEAT_HOLDER: {
    id: 'Sebagian peserta yang ditandai tidak terdaftar di angkatan sesi ini. Tidak ada yang disimpan.',
    en: 'Some of the people marked hold no seat in this session’s run. Nothing was saved.',
  },
  CHECK_IN_TOKEN_INVALID: { id: 'Kode QR ini tidak sah. Pindai ulang kode di layar.', en: 'This QR code is not valid. Scan the code on the screen again.' },
  CHECK_IN_TOKEN_EXPIRED: {
    id: 'Kode QR ini sudah kedaluwarsa. Pindai kode yang sedang tampil di layar.',
    en: 'This QR code has expired. Scan the code showing on the screen now.',
  },
  CHECK_IN_NOT_OPEN: { id: 'Presensi sesi ini belum dibuka.', en: 'Check-in for this session is not open yet.' },
  CHECK_IN_CLOSED: { id: 'Presensi sesi ini sudah ditutup.', en: 'Check-in for this session has closed.' },
  CHECK_IN_CODE_INVALID: {
    id: 'Kode 6 angka tidak cocok dengan sesi yang sedang berlangsung untuk Anda.',
    en: 'The 6-digit code matches no session going on for you now.',
  },
  CHECK_IN_TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak kode yang salah. Coba lagi dalam {minutes} menit, atau pindai kode QR.',
    en: 'Too many wrong codes. Try again in {minutes} minutes, or scan the QR code.',
  },
  DUPLICATE_RULE_DATE: {
    id: 'Sudah ada aturan JP yang berlaku mulai {date}. Pilih tanggal lain.',
    en: 'A JP rule set already starts on {date}. Choose another date.',
  },
  LEARNING_RECORD_NOT_REVOCABLE: {
    id: 'Hanya catatan JP yang sudah dikreditkan yang dapat dicabut.',
    en: 'Only credited learning-hours lines can be revoked.',
  },
  // External activities and rule sets (learning-hours, jp area)
  EVIDENCE_TOO_LARGE: { id: 'Berkas bukti terlalu besar. Ukuran paling besar 5 MB.', en: 'The evidence file is too large. The limit is 5 MB.' },
  EVIDENCE_TYPE_NOT_ALLOWED: { id: 'Bukti harus berupa berkas PDF, JPEG, atau PNG.', en: 'The evidence must be a PDF, JPEG or PNG file.' },
  EVIDENCE_NOT_AVAILABLE: { id: 'Berkas bukti tidak ditemukan atau sudah dipakai. Unggah ulang berkasnya.', en: 'The evidence file was not found or is already used. Upload it again.' },
  EXTERNAL_ACTIVITY_JP_REQUIRED: { id: 'Isi jumlah JP: bentuk pengembangan ini tidak memiliki JP bawaan.', en: 'Enter the JP: this form of development has no default JP.' },
  EXTERNAL_ACTIVITY_NOT_PENDING: { id: 'Kegiatan ini sudah diputuskan sebelumnya. Tidak ada yang disimpan.', en: 'This activity has already been decided. Nothing was saved.' },
  EXTERNAL_ACTIVITY_OWN: { id: 'Anda tidak dapat memverifikasi kegiatan Anda sendiri.', en: 'You cannot verify your own activity.' },
  EXTERNAL_ACTIVITY_IN_FUTURE: { id: 'Kegiatan belum selesai; ajukan setelah tanggal selesai.', en: 'The activity has not ended yet; submit it after its end date.' },
  RULE_DATE_IN_PAST: {
    id: 'Aturan JP baru hanya dapat berlaku mulai hari ini atau sesudahnya, agar catatan lama tidak berubah.',
    en: 'A new JP rule set can only take effect from today onwards, so that past records never change.',
  },
  // Programmes: building, cohorts, quotas (build area)
  PROGRAMME_ARCHIVED: { id: 'Program ini sudah diarsipkan dan tidak dapat diubah.', en: 'This programme is archived and cannot be changed.' },
  PATH_EMPTY: { id: 'Tambahkan paling sedikit satu kursus atau lokakarya ke jalur program.', en: 'Add at least one course or workshop to the programme’s path.' },
  PATH_DUPLICATE_ITEM: { id: 'Satu kursus hanya boleh muncul sekali di jalur.', en: 'A course may appear on the path only once.' },
  PATH_NOTHING_REQUIRED: { id: 'Jalur memerlukan paling sedikit satu butir wajib atau satu kelompok pilihan.', en: 'The path needs at least one required item or one group of electives.' },
  PATH_GROUPS_MISSING: { id: 'Aturan kelulusan per kelompok memerlukan paling sedikit satu kelompok pilihan.', en: 'The by-group completion rule needs at least one group of electives.' },
  PATH_GROUPS_NEED_RULE: { id: 'Kelompok pilihan hanya berlaku dengan aturan kelulusan per kelompok.', en: 'Groups of electives apply only with the by-group completion rule.' },
  GROUP_TOO_FEW_ITEMS: {
    id: 'Kelompok "{title}" meminta {min} butir selesai tetapi hanya berisi {count}.',
    en: 'Group "{title}" asks for {min} completed items but holds only {count}.',
  },
  COURSE_NOT_USABLE: {
    id: 'Butir ke-{position} tidak dapat dipakai: pilih kursus terbit yang terlihat oleh pemilik program, atau milik pemilik sendiri.',
    en: 'Item {position} cannot be used: choose a published course visible to the programme’s owner, or one of its own.',
  },
  ITEM_HAS_COHORT_RUNS: { id: 'Butir yang sudah dijalankan dalam angkatan tidak dapat dihapus dari jalur.', en: 'An item that has runs in cohorts cannot be removed from the path.' },
  COHORT_RUN_CODE_TAKEN: {
    id: 'Salah satu kursus di jalur sudah punya angkatan dengan kode ini. Pakai kode angkatan lain.',
    en: 'A course on the path already has a run with this code. Use another cohort code.',
  },
  RUN_IN_ANOTHER_COHORT: { id: 'Angkatan kursus ini sudah dipakai angkatan program lain.', en: 'This run already belongs to another programme cohort.' },
  RUN_NOT_LINKABLE: {
    id: 'Angkatan ini tidak dapat ditautkan: harus angkatan kursus butir itu yang Anda kelola dan belum dibatalkan.',
    en: 'This run cannot be linked: it must be a run of that item’s course that you manage and that is not cancelled.',
  },
  ITEM_RUN_EXISTS: { id: 'Butir ini sudah punya angkatan di angkatan program ini.', en: 'This item already has its run in this cohort.' },
  RUN_OUTSIDE_COHORT: { id: 'Tanggal angkatan butir harus berada dalam tanggal angkatan program.', en: 'An item run’s dates must fall within the cohort’s dates.' },
  NOMINATION_CLOSES_AFTER_START: { id: 'Nominasi harus ditutup sebelum angkatan dimulai.', en: 'Nominations must close before the cohort starts.' },
  RELEASE_AFTER_NOMINATION_CLOSE: {
    id: 'Batas pengembalian kuota tidak boleh setelah nominasi ditutup.',
    en: 'The deadline for releasing seats cannot be after nominations close.',
  },
  TOO_MANY_COHORTS: { id: 'Program ini sudah mencapai jumlah angkatan terbanyak.', en: 'This programme has reached the maximum number of cohorts.' },
  COHORT_CANCELLED: { id: 'Angkatan program ini sudah dibatalkan.', en: 'This cohort was cancelled.' },
  COHORT_ENDED: { id: 'Angkatan program ini sudah selesai.', en: 'This cohort has ended.' },
  CAPACITY_BELOW_QUOTAS: {
    id: 'Kapasitas tidak boleh lebih kecil dari jumlah kuota instansi ({quotas}).',
    en: 'Capacity cannot be lower than the agencies’ quotas together ({quotas}).',
  },
  QUOTA_OVER_CAPACITY: {
    id: 'Jumlah kuota melebihi kapasitas angkatan: tersisa {free} kursi.',
    en: 'The quotas together exceed the cohort’s capacity: {free} seats are left.',
  },
  PERSON_INACTIVE: { id: 'Akun ini tidak aktif.', en: 'This account is not active.' },
  QUERY_TOO_COMPLEX: { id: 'Permintaan terlalu rumit.', en: 'The request is too complex.' },
  // Certificates: lifecycle, signers, public verification (certificate module, cert area).
  CERTIFICATE_NOT_VALID: {
    id: 'Sertifikat ini sudah tidak sah (dicabut atau digantikan), jadi tidak dapat dicabut atau dikoreksi lagi.',
    en: 'This certificate is no longer valid (revoked or superseded), so it cannot be revoked or corrected again.',
  },
  CERTIFICATE_SOURCE_NOT_COMPLETE: {
    id: 'Kelulusan yang dibuktikan sertifikat ini sudah tidak tercatat, jadi sertifikat tidak dapat diterbitkan ulang. Cabut sertifikatnya.',
    en: 'The completion this certificate attests is no longer on record, so it cannot be re-issued. Revoke it instead.',
  },
  EXTERNAL_ACTIVITY_NOT_VERIFIED: {
    id: 'Sertifikat hanya dapat diterbitkan untuk kegiatan luar yang sudah diverifikasi.',
    en: 'A certificate can only be issued for a verified external activity.',
  },
  CERTIFICATE_SIGNERS_LIMIT: { id: 'Paling banyak {max} penanda tangan.', en: 'At most {max} signers.' },
  SIGNATURE_NOT_PNG: { id: 'Gambar tanda tangan harus berupa berkas PNG.', en: 'The signature image must be a PNG file.' },
  SIGNATURE_TOO_LARGE: { id: 'Gambar tanda tangan paling besar 512 KB.', en: 'The signature image may be at most 512 KB.' },
  VERIFICATION_TOO_MANY_REQUESTS: {
    id: 'Terlalu banyak pemeriksaan sertifikat dari jaringan ini. Coba lagi dalam {minutes} menit.',
    en: 'Too many certificate checks from this network. Try again in {minutes} minutes.',
  },
  // Open Badges credential verification (certificate/verify-credential.*): the reason shown beside each verdict.
  TOO_MANY_VERIFICATIONS: { id: 'Terlalu banyak pemeriksaan dari alamat ini. Coba lagi dalam {minutes} menit.', en: 'Too many checks from this address. Try again in {minutes} minutes.' },
  CREDENTIAL_VALID: { id: 'Tanda tangan sah, diterbitkan oleh instansi ini, dan sertifikat masih berlaku.', en: 'The signature is genuine, issued by this agency, and the certificate is in force.' },
  CREDENTIAL_NOT_JSON: { id: 'Berkas ini bukan JSON yang sah.', en: 'This file is not valid JSON.' },
  CREDENTIAL_NOT_CREDENTIAL: { id: 'Berkas ini bukan kredensial terverifikasi (Verifiable Credential).', en: 'This file is not a Verifiable Credential.' },
  CREDENTIAL_PROOF_TYPE: { id: 'Bukti tanda tangan tidak ada atau bukan jenis yang kami terbitkan (DataIntegrityProof eddsa-rdfc-2022).', en: 'The proof is missing or not the kind we issue (DataIntegrityProof eddsa-rdfc-2022).' },
  CREDENTIAL_UNKNOWN_CONTEXT: { id: 'Kredensial memakai konteks JSON-LD yang tidak kami kenal.', en: 'The credential uses a JSON-LD context we do not know.' },
  CREDENTIAL_UNKNOWN_ISSUER: { id: 'Penerbit kredensial ini bukan instansi yang terdaftar di Lentera.', en: 'The issuer of this credential is not an agency registered in Lentera.' },
  CREDENTIAL_UNKNOWN_KEY: { id: 'Kunci penandatangan tidak dikenal.', en: 'The signing key is not known.' },
  CREDENTIAL_UNKNOWN_CERTIFICATE: { id: 'Sertifikat yang disebut kredensial ini tidak ada di Lentera.', en: 'The certificate this credential names does not exist in Lentera.' },
  CREDENTIAL_FOREIGN_KEY: { id: 'Ditandatangani dengan kunci milik instansi lain, bukan penerbitnya: isi telah diubah.', en: 'Signed with another agency’s key, not the issuer’s: it has been altered.' },
  CREDENTIAL_SIGNATURE: { id: 'Tanda tangan tidak cocok dengan isi kredensial: isi telah diubah.', en: 'The signature does not match the content: it has been altered.' },
  CREDENTIAL_EXPIRED_KEY: { id: 'Ditandatangani dengan kunci yang sudah tidak berlaku pada saat itu.', en: 'Signed with a key that was no longer in force at that time.' },
  CREDENTIAL_REVOKED: { id: 'Sertifikat ini telah dicabut oleh penerbitnya.', en: 'This certificate was revoked by its issuer.' },
  CREDENTIAL_SUPERSEDED: { id: 'Sertifikat ini telah digantikan oleh sertifikat yang lebih baru.', en: 'This certificate was superseded by a newer one.' },
};

export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = errorMessages[code] ?? errorMessages.INTERNAL_SERVER_ERROR;
  // AppError params are strings, numbers and dates, each with a meaningful String().
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return entry[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Field-level messages for class-validator constraint names. */
export const constraintMessages: Record<string, { id: string; en: string }> = {
  isNotEmpty: { id: 'Wajib diisi.', en: 'Required.' },
  minLength: { id: 'Terlalu pendek.', en: 'Too short.' },
  maxLength: { id: 'Terlalu panjang.', en: 'Too long.' },
  isLength: { id: 'Panjang isian tidak sesuai.', en: 'Wrong length.' },
  min: { id: 'Nilai terlalu kecil.', en: 'Value too small.' },
  max: { id: 'Nilai terlalu besar.', en: 'Value too large.' },
  isInt: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  isEmail: { id: 'Alamat e-mail tidak valid.', en: 'Invalid e-mail address.' },
  matches: { id: 'Format tidak sesuai.', en: 'Wrong format.' },
  isUUID: { id: 'ID tidak valid.', en: 'Invalid ID.' },
  arrayMaxSize: { id: 'Terlalu banyak pilihan.', en: 'Too many items.' },
  arrayMinSize: { id: 'Pilih paling sedikit satu.', en: 'Choose at least one.' },
  isTimeZone: { id: 'Zona waktu tidak dikenal.', en: 'Unknown time zone.' },
};
