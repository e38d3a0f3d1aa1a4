import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type ExportHistoryTarget = { personId: string } | { team: true };

/** The address of a training-history download (learning-hours/export.http.ts), in the reader's language. */
function exportHistoryUrl(target: ExportHistoryTarget, format: 'csv' | 'xlsx', year: number | null | undefined, language: string): string {
  const path = 'team' in target ? `/files/exports/team/${format}` : `/files/exports/people/${encodeURIComponent(target.personId)}/${format}`;
  const query = new URLSearchParams();
  if (year != null) query.set('year', String(year));
  if (language === 'en') query.set('lang', 'en');
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/**
 * "Download training history" for a person's JP page (their own, or a team member's) and the supervisor's team
 * page: the SIASN-shaped history of the year (every year when `year` is null) as Excel or CSV. Plain links: the
 * browser downloads with its session, and the server decides who may.
 */
export function ExportHistoryButton({ target, year, fullWidth }: { target: ExportHistoryTarget; year?: number | null; fullWidth?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" leftSection={<IconDownload size={18} aria-hidden />} fullWidth={fullWidth}>
          {'team' in target ? t('learningExport.teamButton') : t('learningExport.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('learningExport.siasnNote')}</Menu.Label>
        <Menu.Item component="a" href={exportHistoryUrl(target, 'xlsx', year, i18n.language)} download>
          {t('learningExport.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={exportHistoryUrl(target, 'csv', year, i18n.language)} download>
          {t('learningExport.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
