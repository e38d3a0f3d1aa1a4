/** build/translations.ts: the texts of src/app/i18n/id.json but the staff screens', those a first screen needs, and the staff screens'. */
declare module 'virtual:lentera-translations/id' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:lentera-translations/id-first' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:lentera-translations/id-staff' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:lentera-translations/id-verify' {
  const texts: Record<string, unknown>;
  export default texts;
}
