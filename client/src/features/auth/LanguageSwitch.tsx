import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../app/i18n';
import { useLanguage } from './useLanguage';

/** "ID | EN": two large targets, labelled for screen readers with the language names. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const { language, change } = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      radius="xl"
      value={language}
      onChange={(value) => void change(value as Language, signedIn)}
      aria-label={t('language.label')}
      data={[
        { value: 'id', label: <span aria-label="Bahasa Indonesia">ID</span> },
        { value: 'en', label: <span aria-label="English">EN</span> },
      ]}
    />
  );
}
