import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { appApolloClient } from './apollo';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [client] = useState(appApolloClient);
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
      <Notifications position="top-center" limit={3} zIndex={1000} />
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  );
}
