import { Anchor, Group } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CredentialDownloadLink } from './CredentialDownloadLink';

/** The certificate's PDF (pdf.http.ts renders it on the spot if its job has not yet), in the reader's language. */
function certificatePdfUrl(id: string, language: string): string {
  const base = `/files/certificates/${encodeURIComponent(id)}.pdf`;
  return language.startsWith('en') ? `${base}?lang=en` : base;
}

/**
 * What each row of "Sertifikat saya" and of the admin's list offers besides verification: the PDF (A4, as printed
 * for a promotion board) and the signed Open Badges credential (for wallets and other systems).
 */
export function CertificateExtraActions({ certificate }: { certificate: { id: string; serial: string; status: string } }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Anchor href={certificatePdfUrl(certificate.id, i18n.language)} download size="sm" fw={600}
        aria-label={t('certificatePdf.downloadLabel', { serial: certificate.serial })}>
        <Group gap={4} wrap="nowrap" component="span">
          <IconFileTypePdf size={16} aria-hidden />
          {t('certificatePdf.download')}
        </Group>
      </Anchor>
      <CredentialDownloadLink certificateId={certificate.id} />
    </>
  );
}
