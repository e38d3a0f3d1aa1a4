import type { Prng } from './prng.js';

/**
 * Made-up but realistic Indonesian names, by region. Each agency draws mostly from its own region
 * (Sundanese in Bandung, Javanese in Semarang, Palembang Malay in Palembang, Betawi in Jakarta) and a
 * little from everywhere, as real offices do.
 */
export type Region = 'sunda' | 'jawa' | 'batak' | 'mandailing' | 'minang' | 'palembang' | 'betawi' | 'umum';
export type Sex = 'M' | 'F';

interface RegionNames {
  given: Record<Sex, readonly string[]>;
  family: Record<Sex, readonly string[]>;
  /** Hereditary titles some families carry (Palembang: Kemas, Masagus, Nyimas …). */
  titles?: Record<Sex, readonly string[]>;
  /** Chance of a second given name ("Siti Aminah", "Muhammad Rizki"). */
  middle?: number;
}

const NAMES: Record<Region, RegionNames> = {
  sunda: {
    given: {
      M: ['Asep', 'Dadang', 'Ujang', 'Cecep', 'Yayan', 'Dedi', 'Ade', 'Dede', 'Wawan', 'Jajang', 'Ridwan', 'Hendra', 'Aep', 'Engkus', 'Deden', 'Iwan', 'Yosep', 'Gilang', 'Fajar', 'Rendi', 'Agus', 'Enjang'],
      F: ['Euis', 'Neneng', 'Imas', 'Lilis', 'Yanti', 'Rina', 'Nining', 'Eneng', 'Wulan', 'Desi', 'Fitri', 'Cucu', 'Tati', 'Enung', 'Rini', 'Nita', 'Rosita', 'Intan', 'Sinta', 'Nurul', 'Dewi', 'Iis'],
    },
    family: {
      M: ['Sunandar', 'Suhendar', 'Permana', 'Hidayat', 'Kurniawan', 'Setiawan', 'Gunawan', 'Supriatna', 'Kusnadi', 'Suryana', 'Ruhiyat', 'Mulyana', 'Sopandi', 'Saepudin', 'Hermawan', 'Nugraha', 'Sutisna', 'Rustandi', 'Firmansyah', 'Kurnia', 'Wiradinata', 'Somantri'],
      F: ['Nurhayati', 'Rahmawati', 'Sukmawati', 'Komalasari', 'Nurjanah', 'Kurniasih', 'Handayani', 'Mulyani', 'Rosmiati', 'Setiawati', 'Herawati', 'Sumiati', 'Purnamasari', 'Maryani', 'Nurlela', 'Juwita'],
    },
    middle: 0.1,
  },
  jawa: {
    given: {
      M: ['Budi', 'Slamet', 'Joko', 'Bambang', 'Agus', 'Heru', 'Sugeng', 'Wahyu', 'Teguh', 'Eko', 'Dwi', 'Tri', 'Hari', 'Yudi', 'Bayu', 'Arif', 'Aditya', 'Rizky', 'Ganang', 'Anang', 'Dimas', 'Galih', 'Wisnu', 'Bagus'],
      F: ['Sri', 'Endang', 'Dewi', 'Rini', 'Tutik', 'Retno', 'Ratna', 'Ayu', 'Dian', 'Kartika', 'Sekar', 'Puspita', 'Wulan', 'Yuni', 'Anik', 'Ika', 'Diah', 'Winda', 'Nur', 'Indah', 'Ratih', 'Novi'],
    },
    family: {
      M: ['Santoso', 'Prasetyo', 'Wibowo', 'Susanto', 'Nugroho', 'Purnomo', 'Hartono', 'Setyawan', 'Kusumo', 'Wicaksono', 'Raharjo', 'Sulistyo', 'Saputro', 'Hidayanto', 'Pamungkas', 'Wijaya', 'Utomo', 'Suryanto', 'Darmawan', 'Hadiwijoyo', 'Prakoso', 'Nugraheni'],
      F: ['Handayani', 'Rahayu', 'Astuti', 'Wahyuningsih', 'Susilowati', 'Pratiwi', 'Lestari', 'Kusumawati', 'Wulandari', 'Setyaningsih', 'Purwanti', 'Suryani', 'Indrawati', 'Mulyaningsih', 'Rahmawati', 'Anggraeni'],
    },
    middle: 0.15,
  },
  batak: {
    given: {
      M: ['Togar', 'Parlindungan', 'Hotman', 'Marihot', 'Poltak', 'Sahat', 'Benny', 'Roy', 'Daniel', 'Jonatan', 'Hasudungan', 'Martua', 'Tigor', 'Samuel', 'Ferdinand', 'Bonar'],
      F: ['Rosmawati', 'Lamria', 'Dormauli', 'Tiurma', 'Ruth', 'Maria', 'Yohana', 'Kristina', 'Rotua', 'Ester', 'Debora', 'Nurmala', 'Hotnida', 'Lasma'],
    },
    family: {
      M: ['Siregar', 'Simanjuntak', 'Nainggolan', 'Hutapea', 'Sitompul', 'Pardede', 'Situmorang', 'Panjaitan', 'Sinaga', 'Manurung', 'Tambunan', 'Silalahi', 'Hutagalung', 'Sihombing', 'Simatupang', 'Pasaribu'],
      F: ['Siregar', 'Simanjuntak', 'Nainggolan', 'Hutapea', 'Sitompul', 'Pardede', 'Situmorang', 'Panjaitan', 'Sinaga', 'Manurung', 'Tambunan', 'Silalahi', 'Hutagalung', 'Sihombing', 'Simatupang', 'Pasaribu'],
    },
  },
  mandailing: {
    given: {
      M: ['Ahmad', 'Rahmat', 'Fauzi', 'Irfan', 'Syahrul', 'Ridho', 'Amran', 'Zulham', 'Taufik'],
      F: ['Nurul', 'Fitri', 'Aminah', 'Rahma', 'Lely', 'Nurhalimah', 'Sakinah', 'Mardiah'],
    },
    family: {
      M: ['Lubis', 'Nasution', 'Harahap', 'Daulay', 'Pulungan', 'Rangkuti', 'Batubara', 'Hasibuan'],
      F: ['Lubis', 'Nasution', 'Harahap', 'Daulay', 'Pulungan', 'Rangkuti', 'Batubara', 'Hasibuan'],
    },
    middle: 0.2,
  },
  minang: {
    given: {
      M: ['Afdal', 'Fadli', 'Yusrizal', 'Zulkifli', 'Hendri', 'Irwan', 'Rizal', 'Syafrizal', 'Deri', 'Andri', 'Hafiz', 'Rahmad', 'Fauzan', 'Yulianto', 'Erwin'],
      F: ['Yuliza', 'Rahmi', 'Elvi', 'Fitria', 'Yossi', 'Vivi', 'Nelly', 'Silvia', 'Zulfa', 'Mutia', 'Rezki', 'Yenni', 'Wenny'],
    },
    family: {
      M: ['Tanjung', 'Chaniago', 'Koto', 'Piliang', 'Sikumbang', 'Putra', 'Rahman', 'Efendi', 'Alamsyah', 'Syahputra', 'Guci', 'Jambak'],
      F: ['Yulianti', 'Novita', 'Rahmadani', 'Desriani', 'Nofriyanti', 'Marlina', 'Yusnita', 'Afrianti', 'Oktavia', 'Susanti', 'Syafitri'],
    },
  },
  palembang: {
    given: {
      M: ['Ahmad', 'Muhammad', 'Fikri', 'Yusuf', 'Firdaus', 'Hendra', 'Rian', 'Arief', 'Anwar', 'Zainal', 'Rudi', 'Dedy', 'Ilham', 'Fahmi', 'Heriansyah'],
      F: ['Siti', 'Aisyah', 'Febrianti', 'Ayu', 'Rahma', 'Fatimah', 'Lia', 'Yulia', 'Anggun', 'Mega', 'Nurul', 'Dina', 'Eka'],
    },
    family: {
      M: ['Effendi', 'Hamidi', 'Syarifuddin', 'Azhari', 'Fauzan', 'Hasanudin', 'Rasyid', 'Zulkarnain', 'Saputra', 'Akbar', 'Hakim', 'Mahmud', 'Husin', 'Ansori'],
      F: ['Anggraini', 'Fitriani', 'Sari', 'Oktaviani', 'Rahmadhani', 'Febriani', 'Marlina', 'Yuliani', 'Kurniati', 'Apriani', 'Novianti', 'Puspasari'],
    },
    titles: { M: ['Kemas', 'Masagus', 'Raden'], F: ['Nyimas', 'Nyayu', 'Masayu'] },
    middle: 0.2,
  },
  betawi: {
    given: {
      M: ['Muhammad', 'Rojali', 'Mursid', 'Sanusi', "Syafi'i", 'Zulfikar', 'Husni', 'Ahmad', 'Abdul', 'Rahmat', 'Zakaria', 'Ridwan', 'Saiful', 'Fadlan'],
      F: ['Siti', 'Rohayati', 'Mimin', 'Nur', 'Saodah', 'Aminah', 'Romlah', 'Fatma', 'Khadijah', 'Salmah', 'Nurhasanah', 'Mariam'],
    },
    family: {
      M: ['Sanusi', 'Syafei', 'Abdullah', 'Marzuki', 'Rohim', 'Jaelani', 'Hasbullah', 'Ridwan', "Ma'mun", 'Sukri', 'Bahrudin', 'Nawawi', 'Sueb'],
      F: ['Maesaroh', 'Rohmah', 'Aminah', 'Zubaedah', 'Hasanah', "Sa'diyah", 'Munawaroh', 'Rosidah', 'Masitoh', 'Nuraini'],
    },
    middle: 0.3,
  },
  umum: {
    given: {
      M: ['Rizky', 'Fajar', 'Dimas', 'Aditya', 'Reza', 'Andika', 'Yoga', 'Ilham', 'Bagus', 'Akbar', 'Farhan', 'Naufal', 'Rafi', 'Kevin', 'Hafidz'],
      F: ['Putri', 'Annisa', 'Nadia', 'Amelia', 'Aulia', 'Salsabila', 'Nabila', 'Citra', 'Melati', 'Tiara', 'Shinta', 'Alya', 'Zahra'],
    },
    family: {
      M: ['Ramadhan', 'Pratama', 'Saputra', 'Nugraha', 'Maulana', 'Firmansyah', 'Hakim', 'Kurniawan', 'Permana', 'Hidayat', 'Setiadi', 'Wijaksono'],
      F: ['Safitri', 'Rahma', 'Amalia', 'Puspitasari', 'Maharani', 'Anggraeni', 'Oktavia', 'Permatasari', 'Ramadhani', 'Azzahra', 'Kusuma', 'Larasati'],
    },
  },
};

export type RegionMix = Partial<Record<Region, number>>;

/** A full name of the given sex from a region drawn by weight. */
export function makeName(rng: Prng, mix: RegionMix, sex: Sex): string {
  const region = rng.weighted(mix as Record<Region, number>);
  const names = NAMES[region];
  const parts: string[] = [];
  if (names.titles && rng.chance(0.35)) parts.push(rng.pick(names.titles[sex]));
  const first = rng.pick(names.given[sex]);
  parts.push(first);
  if (names.middle && rng.chance(names.middle)) {
    const second = rng.pick(names.given[sex]);
    if (second !== first) parts.push(second);
  }
  parts.push(rng.pick(names.family[sex]));
  return parts.join(' ');
}
