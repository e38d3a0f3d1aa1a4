// "Sertifikat" (admin): features/certificates/lifecycle.AdminCertificates.tsx (cert area).
export { default } from '../features/certificates/lifecycle.AdminCertificates';
