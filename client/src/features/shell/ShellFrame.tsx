import { Alert, Box, Container, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCloudOff, IconDots } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../app/connectivity';
import { applyLanguage, type Language } from '../../app/i18n';
import { AppLink } from '../../app/links';
import { useMe } from '../../app/me';
import { LanternMark } from '../../ui/LanternMark';
import { LanguageSwitch } from '../auth/LanguageSwitch';
import { AccountButton } from './AccountButton';
import { isActive, navItemsFor, type NavItem } from './nav';

// Not needed for the first paint of any screen: fetched right after it (the menu) or when opened (the drawer).
const AccountMenu = lazy(() => import('./AccountMenu'));
const MoreDrawer = lazy(() => import('./MoreDrawer'));

const BOTTOM_SLOTS = 4;

// Whether the account menu or the "Lainnya" drawer is open: the app takes over from the home page's first paint
// only when neither is (drawn again, an open menu would close under the person's finger).
let menuOpen = false;
let drawerOpen = false;
const idleWaiters = new Set<() => void>();
function setOpenLayers(change: { menu?: boolean; drawer?: boolean }) {
  menuOpen = change.menu ?? menuOpen;
  drawerOpen = change.drawer ?? drawerOpen;
  if (menuOpen || drawerOpen) return;
  for (const resolve of idleWaiters) resolve();
  idleWaiters.clear();
}

/** Resolves once no menu or drawer of the frame is open. */
export function whenFrameIdle(): Promise<void> {
  return menuOpen || drawerOpen ? new Promise((resolve) => idleWaiters.add(resolve)) : Promise.resolve();
}

// The account language last applied in this tab: the frame is drawn again when the signed-in app takes over
// from the home page's first paint, and must not undo a switch made in between (see the effect below).
let appliedAccountLanguage: string | null = null;

/**
 * The signed-in frame: header (name, language, sign out), a side navbar from tablet width up, and a bottom
 * bar with large targets on phones; the screen is `children`. Neither Apollo nor the router: the home page's
 * first paint (app/HomeStart.tsx) draws it before they arrive, the signed-in app through AppLayout.tsx.
 */
export function ShellFrame({ pathname, onSignOut, onLanguageChanged, children }: {
  /** The address shown: marks the active navigation entry; a change moves focus to the new content. */
  pathname: string;
  onSignOut: () => void;
  /** A language switched to in the header, to save to the account. */
  onLanguageChanged: (language: Language) => void;
  children: ReactNode;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const [moreOpen, more] = useDisclosure(false);
  useEffect(() => setOpenLayers({ drawer: moreOpen }), [moreOpen]);
  useEffect(() => () => setOpenLayers({ menu: false, drawer: false }), []);
  const [menuTapped, setMenuTapped] = useState(false);
  const items = useMemo(() => navItemsFor(me), [me]);
  const bottom = items.length > BOTTOM_SLOTS + 1 ? items.slice(0, BOTTOM_SLOTS) : items;
  const overflow = items.length > BOTTOM_SLOTS + 1 ? items.slice(BOTTOM_SLOTS) : [];

  // The account's language wins when a session starts on this device (once per account language, so a
  // switch made on the home page's first paint stays when the app takes over).
  useEffect(() => {
    if ((me.locale === 'id' || me.locale === 'en') && me.locale !== appliedAccountLanguage) {
      appliedAccountLanguage = me.locale;
      void applyLanguage(me.locale);
    }
  }, [me.locale]);

  const online = useOnline();
  const openMenuSoon = () => {
    setMenuTapped(true);
    setOpenLayers({ menu: true });
  };

  // After moving to another page, keyboard and screen-reader users start at its content.
  const firstRender = useRef(true);
  useEffect(() => {
    more.close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  const sections: { key: NavItem['section']; items: NavItem[] }[] = (['learn', 'work', 'admin', 'partner', 'platform'] as const)
    .map((key) => ({ key, items: items.filter((i) => i.section === key) }))
    .filter((s) => s.items.length > 0);

  return (
    // The frame is laid out by .lentera-shell* in global.css (Mantine's AppShell, with its resizing and the
    // scroll-lock library it imports, was ~8 KB gzip of every signed-in page's first visit).
    <div className="lentera-shell">
      <a href="#main" className="lentera-skip-link">
        {t('common.skipToContent')}
      </a>
      <Box component="header" className="lentera-shell-header lentera-header">
        <Group h="100%" px={{ base: 'sm', sm: 'lg' }} justify="space-between" wrap="nowrap" gap="xs">
          <UnstyledButton component={AppLink} to="/" aria-label={t('nav.homeAria')}>
            <Group gap={8} wrap="nowrap">
              <LanternMark size={32} />
              <Text fw={800} size="lg" visibleFrom="xs">
                Lentera
              </Text>
            </Group>
          </UnstyledButton>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch onChanged={onLanguageChanged} />
            {/* The menu's code (and its positioning library) arrives after the first paint; until then the same button
                shows, and a tap on it opens the menu as soon as the code is there. */}
            <Suspense fallback={<AccountButton name={me.fullName} aria-haspopup="menu" onClick={openMenuSoon} />}>
              <AccountMenu me={me} onSignOut={onSignOut} openAtOnce={menuTapped} onOpenChange={(opened) => setOpenLayers({ menu: opened })} />
            </Suspense>
          </Group>
        </Group>
      </Box>

      {/* Scrolls natively when the list is taller than the window (Mantine's ScrollArea is 5 KB gzip more). */}
      <Box component="nav" p="sm" aria-label={t('nav.main')} visibleFrom="sm" className="lentera-shell-navbar">
        <Stack gap="md">
          {sections.map((section) => (
            <Stack gap={2} key={section.key}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt={4}>
                {t(`nav.section.${section.key}`)}
              </Text>
              {section.items.map((item) => (
                <NavLink
                  key={item.to}
                  component={AppLink}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={20} aria-hidden />}
                  active={isActive(item, pathname)}
                  aria-current={isActive(item, pathname) ? 'page' : undefined}
                  variant="light"
                  color="lantern"
                  fw={600}
                />
              ))}
            </Stack>
          ))}
        </Stack>
      </Box>

      <main id="main" tabIndex={-1} className="lentera-shell-main">
        <Container size="lg" px={0} pb="xl">
          {online ? null : (
            <Alert color="gray" variant="light" icon={<IconCloudOff aria-hidden />} role="status" mb="md">
              {t('offline.banner')}
            </Alert>
          )}
          {children}
        </Container>
      </main>

      <Box component="footer" hiddenFrom="sm" className="lentera-shell-footer lentera-bottom-nav">
        <nav aria-label={t('nav.main')} className="lentera-fill">
          <Group h="100%" gap={0} grow wrap="nowrap" align="stretch">
            {bottom.map((item) => (
              <BottomItem key={item.to} item={item} active={isActive(item, pathname)} />
            ))}
            {overflow.length > 0 ? (
              <UnstyledButton onClick={more.open} aria-haspopup="dialog" aria-expanded={moreOpen} className="lentera-bottom-item" data-active={overflow.some((i) => isActive(i, pathname)) || undefined}>
                <IconDots size={24} aria-hidden />
                <Text fw={600} lh={1.1} className="lentera-bottom-label">
                  {t('nav.more')}
                </Text>
              </UnstyledButton>
            ) : null}
          </Group>
        </nav>
      </Box>

      {/* Loaded when first opened: most visits never open it. */}
      {moreOpen ? (
        <Suspense fallback={null}>
          <MoreDrawer items={overflow} pathname={pathname} onClose={more.close} />
        </Suspense>
      ) : null}
    </div>
  );
}

function BottomItem({ item, active }: { item: NavItem; active: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={AppLink} to={item.to} aria-current={active ? 'page' : undefined} aria-label={t(item.label)} className="lentera-bottom-item" data-active={active || undefined}>
      <item.icon size={24} aria-hidden stroke={active ? 2.2 : 1.8} />
      <Text fw={active ? 800 : 600} lh={1.1} aria-hidden className="lentera-bottom-label">
        {t(item.short)}
      </Text>
    </UnstyledButton>
  );
}
