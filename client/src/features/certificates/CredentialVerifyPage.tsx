import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SignedOutFrame } from '../auth/SignedOutFrame';
import { CredentialVerifyForm } from './CredentialVerifyForm';

/** `/verifikasi`: anyone (signed out) checks a credential file they were given. */
export default function CredentialVerifyPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('credential.verify.title')} · Lentera`;
  }, [t]);
  return (
    <SignedOutFrame title={t('credential.verify.title')} intro={t('credential.verify.intro')}>
      <CredentialVerifyForm />
    </SignedOutFrame>
  );
}
