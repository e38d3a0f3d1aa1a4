// "Penanda tangan sertifikat": features/certificates/signer.AdminSigners.tsx (cert area).
export { default } from '../features/certificates/signer.AdminSigners';
