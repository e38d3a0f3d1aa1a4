import { ValidateBy } from 'class-validator';

/**
 * Indonesia's three zones, the only ones a venue or a person is in: WIB, WITA, WIT. None has daylight
 * saving time (fixed offsets since 1988), which keeps calendar files simple (calendar/ical.ts).
 */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[number];

/** The abbreviation everyone reads and the fixed UTC offset of each zone. */
export const ZONE_INFO: Record<IndonesianTimeZone, { label: string; offset: string }> = {
  'Asia/Jakarta': { label: 'WIB', offset: '+0700' },
  'Asia/Makassar': { label: 'WITA', offset: '+0800' },
  'Asia/Jayapura': { label: 'WIT', offset: '+0900' },
};

export function isIndonesianTimeZone(value: unknown): value is IndonesianTimeZone {
  return typeof value === 'string' && (INDONESIAN_TIME_ZONES as readonly string[]).includes(value);
}

/** SQL list for CHECK constraints: 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'. */
export const TIME_ZONE_CHECK_LIST = INDONESIAN_TIME_ZONES.map((z) => `'${z}'`).join(', ');

/** class-validator rule for inputs: one of the three zones. */
export function IsIndonesianTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isIndonesianTimeZone',
    validator: {
      validate: (value: unknown) => value === undefined || value === null || isIndonesianTimeZone(value),
      defaultMessage: () => `timeZone must be one of ${INDONESIAN_TIME_ZONES.join(', ')}`,
    },
  });
}
