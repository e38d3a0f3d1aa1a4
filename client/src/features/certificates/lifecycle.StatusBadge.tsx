import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from '../../gql/__generated__/graphql';

// Superseded in grey: a light yellow badge's text fails contrast (2.7:1), and a correction is no alarm.
const COLORS: Record<CertificateStatus, string> = { VALID: 'teal', REVOKED: 'red', SUPERSEDED: 'gray' };

/** Sah / Dicabut / Digantikan, in words (never by colour alone). */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="certificate-status">
      {t(`verify.status.${status}`)}
    </Badge>
  );
}
