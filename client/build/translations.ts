import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:lentera-translations/';

/**
 * The texts a first screen needs (the sign-in page, loaders; the error codes the sign-in page shows in the
 * client's own words). Other error codes fall back to the server's message, translated by the server.
 */
const FIRST_SCREEN_KEYS = [
  'auth',
  'common',
  'language',
  'errors.NETWORK',
  'errors.SERVER_UNAVAILABLE',
  'errors.INTERNAL_SERVER_ERROR',
  'errors.BAD_USER_INPUT',
  'errors.INVALID_CREDENTIALS',
  'errors.TOO_MANY_ATTEMPTS',
];

/** The public certificate verification page, loaded alone (features/certificates/verify-page.app.tsx). */
const VERIFY_PAGE_KEYS = ['verify', 'enum.form'];

/**
 * Sections only the staff screens use (approvals, teaching, administration, platform, partners), and the two
 * pages that are visited once in a while (the account and password pages, the partner invitation page): the learner's everyday
 * screens, the shell and the home page never show them. They ship with those screens' chunks
 * (app/i18n/staff-texts.ts, loaded through `staffScreen`), not with the signed-in app.
 */
export const STAFF_SECTIONS = [
  'approvals', 'teaching', 'courseAdmin', 'runAdmin', 'people', 'units', 'agencies', 'roles', 'admin', 'failedJobs', 'agreements', 'partners',
  'account', 'password', 'reset', 'acceptInvitation',
  'workshopAdmin', 'series', 'attendance', 'checkIn',
  'programmeBuild', 'library',
  // Programme nominations, rosters and applications (the learner's own CohortApply texts are in `cohortApply`).
  'nomination',
  // The learner's programme screens (path area): loaded with them and the catalogue's programme strip, off every budget.
  'path',
  // The learning-hours screens (jp area: JP saya, kegiatan luar, team, agency, queue, rules): loaded with them.
  'learning',
  // Certificates: the learner's list and the admin screens load them as staff screens do; the public page has its own.
  'certificates', 'verify',
];

type Tree = { [key: string]: string | Tree };

function pick(tree: Tree, keys: string[]): Tree {
  const out: Tree = {};
  for (const key of keys) {
    const path = key.split('.');
    let from: Tree | string | undefined = tree;
    let to = out;
    path.forEach((part, i) => {
      from = (from as Tree | undefined)?.[part];
      if (from === undefined) throw new Error(`translations: no text ${key}`);
      if (i === path.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    });
  }
  return out;
}

/**
 * `virtual:lentera-translations/id-first` holds the texts of FIRST_SCREEN_KEYS from src/app/i18n/id.json (the
 * entry imports it), `virtual:lentera-translations/id` all of them but the STAFF_SECTIONS (the signed-in app adds
 * it), `virtual:lentera-translations/id-staff` those (the staff screens add them): a first visit to the sign-in
 * page does not download the texts of every screen, nor a learner's those of the admin screens, and id.json
 * stays one file to edit.
 */
export function translations(i18nDir: string): Plugin {
  return {
    name: 'lentera-translations',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const [, language, part] = /^([a-z]{2})(?:-(first|staff|verify))?$/.exec(id.slice(PREFIX.length + 1)) ?? [];
      if (!language) throw new Error(`no translations module ${id}`);
      const file = `${i18nDir}/${language}.json`;
      this.addWatchFile(file);
      const texts = JSON.parse(readFileSync(file, 'utf8')) as Tree;
      const chosen =
        part === 'first'
          ? pick(texts, FIRST_SCREEN_KEYS)
          : part === 'verify'
            ? pick(texts, VERIFY_PAGE_KEYS)
          : part === 'staff'
            ? pick(texts, STAFF_SECTIONS)
            : Object.fromEntries(Object.entries(texts).filter(([section]) => !STAFF_SECTIONS.includes(section)));
      return `export default ${JSON.stringify(chosen)};`;
    },
  };
}
