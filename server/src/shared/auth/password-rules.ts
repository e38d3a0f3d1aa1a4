/**
 * The shortest password anyone may set (people's records, one's own change, the first platform admin). Shared,
 * not the person module's: auth's inputs read it while their class is defined, which must not wait on a module cycle.
 */
export const MIN_PASSWORD = 8;
