import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminAgencySwitch } from '../features/admin/AdminAgencySwitch';
import { useAdminAgency } from '../features/admin/useAdminAgency';
import { ExportAgencyScreen } from '../features/learning/ExportAgencyScreen';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';

/** `/admin/ekspor-jp`: the agency's training history for SIASN (CSV or XLSX), and the admin's recent exports. */
export default function AdminLearningExportRoute() {
  const { t } = useTranslation();
  const { agencyId } = useAdminAgency();
  return (
    <>
      <PageHeader title={t('learningExport.title')} description={t('learningExport.description')} />
      <Stack>
        <AdminAgencySwitch />
        {agencyId ? <ExportAgencyScreen agencyId={agencyId} /> : <EmptyState title={t('admin.noAgencyTitle')}>{t('admin.noAgency')}</EmptyState>}
      </Stack>
    </>
  );
}
