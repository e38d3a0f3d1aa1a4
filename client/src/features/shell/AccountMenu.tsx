import { Menu, Text } from '@mantine/core';
import { IconKey, IconLogout, IconUserCog } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/links';
import type { SessionMe } from '../../app/me';
import { AccountButton } from './AccountButton';

/** Who is signed in, "Ubah kata sandi" and "Keluar". Its own chunk: Menu brings the positioning library. */
export default function AccountMenu({ me, onSignOut, openAtOnce = false, onOpenChange }: { me: SessionMe; onSignOut: () => void; openAtOnce?: boolean; onOpenChange?: (opened: boolean) => void }) {
  const { t } = useTranslation();
  const subtitle = me.positionTitle ?? me.orgUnitName ?? me.agencyName ?? me.partnerName ?? '';
  return (
    // openAtOnce: the button was tapped before this code arrived; the tap is not lost.
    <Menu position="bottom-end" width={260} withinPortal defaultOpened={openAtOnce} onChange={onOpenChange}>
      <Menu.Target>
        <AccountButton name={me.fullName} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={700} c="var(--mantine-color-text)">
            {me.fullName}
          </Text>
          {subtitle ? <Text size="xs">{subtitle}</Text> : null}
          {me.nip ? <Text size="xs">{t('profile.nip', { nip: me.nip })}</Text> : null}
          {me.agencyName ? <Text size="xs">{me.agencyName}</Text> : null}
          {me.supervisorName ? <Text size="xs">{t('profile.supervisor', { name: me.supervisorName })}</Text> : null}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={AppLink} to="/akun" leftSection={<IconUserCog size={18} aria-hidden />}>
          {t('profile.account')}
        </Menu.Item>
        <Menu.Item component={AppLink} to="/akun/kata-sandi" leftSection={<IconKey size={18} aria-hidden />}>
          {t('profile.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={onSignOut}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
