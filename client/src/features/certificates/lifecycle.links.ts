/** The public verification page of a certificate, as printed in its QR code. */
export function verificationUrl(code: string): string {
  return `${window.location.origin}/verifikasi/${encodeURIComponent(code)}`;
}

/**
 * LinkedIn's "Add to profile" link for a certification (its documented URL parameters): the certificate's name, the
 * issuing organisation, the issue year and month, the verification page and the serial as the credential id.
 */
export function linkedInAddUrl(c: { title: string; agencyName: string; issuedAt: string; serial: string; verificationCode: string }): string {
  const issued = new Date(c.issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: c.title,
    organizationName: c.agencyName,
    issueYear: String(issued.getFullYear()),
    issueMonth: String(issued.getMonth() + 1),
    certUrl: verificationUrl(c.verificationCode),
    certId: c.serial,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
