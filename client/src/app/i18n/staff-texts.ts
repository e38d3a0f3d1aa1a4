import staffIndonesian from 'virtual:lentera-translations/id-staff';
import { i18n } from './index';

// Imported with the staff screens (route-chunks.ts): the Indonesian texts of approvals, teaching and
// administration, which the learner's screens and the home page never show (see build/translations.ts).
i18n.addResourceBundle('id', 'translation', staffIndonesian, true, true);
