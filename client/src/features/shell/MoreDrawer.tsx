import { Drawer, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/links';
import { isActive, type NavItem } from './nav';

/** The bottom bar's "Lainnya" on phones: the navigation items that did not fit. Loaded when first opened. */
export default function MoreDrawer({ items, pathname, onClose }: { items: NavItem[]; pathname: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened onClose={onClose} position="bottom" size={96 + items.length * 64} title={<Text fw={700}>{t('nav.more')}</Text>} radius="lg">
      <Stack gap={4} pb="md">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={AppLink}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={22} aria-hidden />}
            active={isActive(item, pathname)}
            aria-current={isActive(item, pathname) ? 'page' : undefined}
            color="lantern"
            variant="light"
            fw={600}
            py="md"
          />
        ))}
      </Stack>
    </Drawer>
  );
}
