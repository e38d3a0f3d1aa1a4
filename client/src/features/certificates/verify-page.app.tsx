import verifyTexts from 'virtual:lentera-translations/id-verify';
import { i18n } from '../../app/i18n';
import { MantineRoot } from '../../app/MantineRoot';
import VerifyCertificatePage from './verify-page';

// The page's own texts: a first visit loads neither the app's texts nor the app (build/translations.ts).
i18n.addResourceBundle('id', 'translation', verifyTexts, true, true);

/** A first visit to /verifikasi/<code>: the page alone, without the router, Apollo, the shell or the session. */
export function VerifyApp({ code }: { code: string }) {
  return (
    <MantineRoot>
      <VerifyCertificatePage code={code} />
    </MantineRoot>
  );
}
