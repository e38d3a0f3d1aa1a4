import allIndonesian from 'virtual:lentera-translations/id';
import { i18n } from './index';

// Imported by the signed-in app: the Indonesian texts of every screen but the staff screens' (staff-texts.ts), next to the first-screen sections
// the entry already holds (see build/translations.ts). Added before the app renders anything.
i18n.addResourceBundle('id', 'translation', allIndonesian, true, true);
