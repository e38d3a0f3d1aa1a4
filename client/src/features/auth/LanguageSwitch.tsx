import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyLanguage, type Language } from '../../app/i18n';

/**
 * "ID | EN": two large targets, labelled for screen readers with the language names. Switches the UI
 * language at once; `onChanged` (the shell's useSaveLanguage) saves it to the account. No Apollo here:
 * the sign-in page uses this switch too.
 */
export function LanguageSwitch({ onChanged }: { onChanged?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <SegmentedControl
      size="xs"
      radius="xl"
      value={language}
      onChange={(value) => void applyLanguage(value).then(() => onChanged?.(value))}
      aria-label={t('language.label')}
      data={[
        { value: 'id', label: <span aria-label="Bahasa Indonesia">ID</span> },
        { value: 'en', label: <span aria-label="English">EN</span> },
      ]}
    />
  );
}
