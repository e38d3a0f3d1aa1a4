/**
 * The place in each row of "Sertifikat saya" (and of the admin's list) for what other parts of the certificate module
 * add: the pdf area's "Unduh PDF" button and the cred area's credential download. Each adds its component here (one
 * line each); the row passes the certificate's id, serial and status.
 */
export function CertificateExtraActions(_props: { certificate: { id: string; serial: string; status: string } }) {
  return null;
}
