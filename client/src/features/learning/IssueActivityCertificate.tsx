import { Anchor, Button, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';

const IssueDocument = graphql(`
  mutation IssueExternalActivityCertificate($activityId: ID!) {
    issueExternalActivityCertificate(activityId: $activityId) {
      id
      serial
      verificationCode
    }
  }
`);

/**
 * A verified external activity's certificate, issued by the admin on request (the server issues it once: asking again
 * answers the same certificate, so the button is safe to press twice and shows its serial afterwards).
 */
export function IssueActivityCertificate({ activityId, label }: { activityId: string; label: string }) {
  const { t } = useTranslation();
  const [issue, { data, loading, error }] = useMutation(IssueDocument);
  const issued = data?.issueExternalActivityCertificate;
  if (issued) {
    return (
      <Text size="sm" role="status">
        {t('learning.queue.certificateIssued', { serial: issued.serial })}{' '}
        <Anchor href={`/verifikasi/${encodeURIComponent(issued.verificationCode)}`} target="_blank" rel="noopener">{t('learning.queue.certificateOpen')}</Anchor>
      </Text>
    );
  }
  return (
    <>
      <Button variant="light" leftSection={<IconFileCertificate size={18} aria-hidden />} loading={loading} aria-label={label}
        onClick={() => void issue({ variables: { activityId } }).catch(() => undefined)}>
        {t('learning.queue.issueCertificate')}
      </Button>
      {error ? <Text size="sm" c="red.8" role="alert">{toUiError(error, t).message}</Text> : null}
    </>
  );
}
