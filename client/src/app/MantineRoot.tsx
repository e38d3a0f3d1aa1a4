import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';

/** Mantine with Lentera's theme: shared by the sign-in page (loaded alone) and the signed-in app. */
export function MantineRoot({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // Mantine's built-in buttons (close, clear, show password) are labelled in the UI language.
  const localized = useMemo(() => {
    const close = { closeButtonProps: { 'aria-label': t('common.close') } };
    const clear = { clearButtonProps: { 'aria-label': t('common.clear') } };
    return mergeThemeOverrides(theme, {
      components: {
        Modal: { defaultProps: close },
        Drawer: { defaultProps: close },
        Select: { defaultProps: clear },
        MultiSelect: { defaultProps: clear },
        TagsInput: { defaultProps: clear },
        PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } } },
      },
    });
  }, [t, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
