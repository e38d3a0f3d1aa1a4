import { Anchor } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The holder's download of a certificate's signed Open Badges credential (for "Sertifikat saya"). */
export function CredentialDownloadLink({ certificateId }: { certificateId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={`/files/certificates/${encodeURIComponent(certificateId)}/credential.json`} download style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <IconCertificate size={18} aria-hidden />
      {t('credential.download')}
    </Anchor>
  );
}
