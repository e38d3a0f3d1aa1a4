import { Button, FileButton, Group, Text } from '@mantine/core';
import { IconPhotoUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';

/**
 * The logo printed on an agency's (or partner's) certificates: choose a PNG or JPEG (at most 1 MB) and it replaces
 * the previous one. For the agency's admin screens (placed by the integrator); the server checks the bytes.
 */
export default function PdfLogoUpload({ owner, id }: { owner: 'agency' | 'partner'; id: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const url = `/files/${owner === 'agency' ? 'agencies' : 'partners'}/${id}/logo`;

  async function upload(file: File | null) {
    if (!file) return;
    setBusy(true);
    try {
      const response = await fetch(url, {
        method: 'PUT', credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream', 'accept-language': i18n.language }, body: file,
      });
      if (response.ok) {
        notifySuccess(t('certificatePdf.logoSaved'));
        setVersion((v) => v + 1);
      } else {
        const body = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
        notifyError(t(`errors.${body.errors?.[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'}`));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="md" align="center">
      <img src={`${url}?v=${version}`} alt={t('certificatePdf.logoAlt')} width={64} height={64} style={{ objectFit: 'contain' }}
        onError={(e) => { e.currentTarget.style.visibility = 'hidden'; }} onLoad={(e) => { e.currentTarget.style.visibility = 'visible'; }} />
      <div>
        <FileButton onChange={(f) => void upload(f)} accept="image/png,image/jpeg">
          {(props) => <Button {...props} size="xs" variant="outline" loading={busy} leftSection={<IconPhotoUp size={16} aria-hidden />}>{t('certificatePdf.logoUpload')}</Button>}
        </FileButton>
        <Text size="xs" c="dimmed" mt={4}>{t('certificatePdf.logoHint')}</Text>
      </div>
    </Group>
  );
}
