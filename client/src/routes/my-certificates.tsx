// "Sertifikat saya": features/certificates/lifecycle.MyCertificates.tsx (cert area).
export { default } from '../features/certificates/lifecycle.MyCertificates';
