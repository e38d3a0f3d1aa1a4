/** build/translations.ts: all texts of src/app/i18n/id.json, and those a first screen needs. */
declare module 'virtual:lentera-translations/id' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:lentera-translations/id-first' {
  const texts: Record<string, unknown>;
  export default texts;
}
