import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../shared/i18n/messages.js';
import { CertificateStatus, type SignerSnapshot } from './certificate.entity.js';
import { developmentFormNames, type DevelopmentForm } from '../course/index.js';
import { plusJakartaSans } from './pdf.font.js';
import { formatDays, formatInstantDay, formatJp, pdfLabels } from './pdf.labels.js';

/** What a certificate's PDF prints: the issued facts, and the images of its agency, partner and signers. */
export interface PdfCertificate {
  serial: string;
  verificationCode: string;
  recipientName: string;
  recipientNip: string | null;
  title: string;
  form: string | null;
  jp: number;
  competencies: string[];
  startsOn: string | null;
  endsOn: string | null;
  issuedAt: Date;
  agencyName: string;
  partnerName: string | null;
  signers: SignerSnapshot[];
  status: CertificateStatus;
  /** The issuing agency's time zone: the issue date is the day it was there. */
  timeZone: string;
  agencyLogo: Buffer | null;
  partnerLogo: Buffer | null;
  /** Signature images by signer id (a signer without one signs with a blank line). */
  signatures: Map<string, Buffer>;
}

/** pdfkit's `font()` takes a parsed fontkit font too (its typings say bytes only). */
type FontSource = PDFKit.Mixins.PDFFontSource;

// The product's palette (client/src/app/theme.ts): ink, and the lantern's amber as the accent.
const INK = '#1c1a17';
const MUTED = '#5c574f';
const AMBER = '#b87a00';
const AMBER_LIGHT = '#ffe08a';
const CREAM = '#fffaf0';

/** A4 landscape in points. */
const W = 841.89;
const H = 595.28;

/** The page a QR code points to: `/verifikasi/<code>` on the public address. */
const verificationUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/+$/, '')}/verifikasi/${code}`;

/**
 * Renders a certificate: A4 landscape, in `locale`'s labels and date formats, with the facts as issued. The QR code
 * is a PNG image (5 pixels a module, drawn without smoothing) of the verification URL. A certificate no longer valid
 * carries its status across the page, so a printed copy of a revoked one says so.
 */
export async function renderCertificatePdf(c: PdfCertificate, locale: Locale, publicUrl: string): Promise<Buffer> {
  const t = pdfLabels[locale];
  const url = verificationUrl(publicUrl, c.verificationCode);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 5, color: { dark: '#1c1a17ff', light: '#ffffffff' } });

  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 0, autoFirstPage: true, pdfVersion: '1.7', lang: locale === 'id' ? 'id-ID' : 'en-GB', displayTitle: true,
    info: { Title: `${t.title} ${c.serial} — ${c.recipientName}`, Author: c.agencyName, Subject: c.title, Creator: 'Lentera', Producer: 'Lentera' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Regular', plusJakartaSans(400) as unknown as FontSource);
  doc.registerFont('Medium', plusJakartaSans(500) as unknown as FontSource);
  doc.registerFont('SemiBold', plusJakartaSans(600) as unknown as FontSource);
  doc.registerFont('ExtraBold', plusJakartaSans(800) as unknown as FontSource);

  // Frame: a cream field, a thin amber rule inside a heavier ink one, and amber corner marks.
  doc.rect(0, 0, W, H).fill(CREAM);
  doc.rect(18, 18, W - 36, H - 36).lineWidth(2.2).stroke(INK);
  doc.rect(26, 26, W - 52, H - 52).lineWidth(0.8).stroke(AMBER);
  for (const [x, y, dx, dy] of [[26, 26, 1, 1], [W - 26, 26, -1, 1], [26, H - 26, 1, -1], [W - 26, H - 26, -1, -1]] as const) {
    doc.moveTo(x + dx * 34, y).lineTo(x, y).lineTo(x, y + dy * 34).lineWidth(3).stroke(AMBER);
  }
  // A band of light amber along the top edge of the inner frame.
  doc.rect(27, 27, W - 54, 6).fill(AMBER_LIGHT);

  // Header: the agency's logo at the left, the partner's at the right, their names between.
  const logoBox = 62;
  const top = 52;
  if (c.agencyLogo) doc.image(c.agencyLogo, 60, top, { fit: [logoBox, logoBox], align: 'center', valign: 'center' });
  if (c.partnerLogo) doc.image(c.partnerLogo, W - 60 - logoBox, top, { fit: [logoBox, logoBox], align: 'center', valign: 'center' });
  const headerX = 60 + logoBox + 16;
  const headerW = W - 2 * headerX;
  let y = top + 4;
  doc.font('SemiBold').fontSize(13).fillColor(INK).text(c.agencyName.toUpperCase(), headerX, y, { width: headerW, align: 'center', characterSpacing: 1.2 });
  y = doc.y + 2;
  if (c.partnerName) {
    doc.font('Regular').fontSize(9.5).fillColor(MUTED).text(t.inCooperation, headerX, y, { width: headerW, align: 'center' });
    doc.font('Medium').fontSize(11).fillColor(INK).text(c.partnerName, headerX, doc.y + 1, { width: headerW, align: 'center' });
  }

  // Title and number.
  y = Math.max(doc.y, top + logoBox) + 18;
  doc.font('ExtraBold').fontSize(40).fillColor(INK).text(t.heading, 60, y, { width: W - 120, align: 'center', characterSpacing: 8 });
  y = doc.y + 2;
  doc.moveTo(W / 2 - 70, y).lineTo(W / 2 + 70, y).lineWidth(1.4).stroke(AMBER);
  doc.font('Medium').fontSize(10.5).fillColor(MUTED).text(`${t.number} ${c.serial}`, 60, y + 7, { width: W - 120, align: 'center', characterSpacing: 0.6 });

  // The recipient.
  doc.font('Regular').fontSize(11).fillColor(MUTED).text(t.awardedTo, 60, doc.y + 12, { width: W - 120, align: 'center' });
  doc.font('ExtraBold').fontSize(28).fillColor(INK).text(c.recipientName, 80, doc.y + 3, { width: W - 160, align: 'center' });
  if (c.recipientNip) doc.font('Medium').fontSize(11).fillColor(MUTED).text(`NIP ${c.recipientNip}`, 60, doc.y + 1, { width: W - 120, align: 'center', characterSpacing: 0.8 });

  // What was completed.
  doc.font('Regular').fontSize(11).fillColor(MUTED).text(t.completed, 60, doc.y + 10, { width: W - 120, align: 'center' });
  doc.font('SemiBold').fontSize(17).fillColor(INK).text(c.title, 110, doc.y + 3, { width: W - 220, align: 'center', lineGap: 1 });

  // Facts in a row of three columns: form, JP, dates.
  const facts: [string, string][] = [
    [t.form, c.form ? (developmentFormNames[locale][c.form as DevelopmentForm] ?? c.form) : t.programme],
    [t.jp, formatJp(locale, c.jp)],
  ];
  const days = formatDays(locale, c.startsOn, c.endsOn);
  if (days) facts.push([t.dates, days]);
  const factW = 180;
  const factsX = (W - factW * facts.length) / 2;
  const factsY = doc.y + 12;
  facts.forEach(([label, value], i) => {
    const x = factsX + i * factW;
    if (i > 0) doc.moveTo(x, factsY + 2).lineTo(x, factsY + 28).lineWidth(0.6).stroke(AMBER);
    doc.font('Regular').fontSize(8.5).fillColor(MUTED).text(label.toUpperCase(), x, factsY, { width: factW, align: 'center', characterSpacing: 0.8 });
    doc.font('SemiBold').fontSize(12).fillColor(INK).text(value, x, factsY + 13, { width: factW, align: 'center' });
  });
  let afterFacts = factsY + 34;
  if (c.competencies.length) {
    doc.font('Regular').fontSize(9).fillColor(MUTED)
      .text(`${t.competencies}: ${c.competencies.join(' · ')}`, 120, afterFacts + 4, { width: W - 240, align: 'center', height: 24, ellipsis: true });
    afterFacts = doc.y;
  }

  // Bottom: the QR code at the left, the issue date and the signers to its right.
  const bottom = H - 58;
  const qrSize = 84;
  const qrX = 60;
  const qrY = bottom - qrSize - 12;
  doc.rect(qrX - 4, qrY - 4, qrSize + 8, qrSize + 8).fill('#ffffff');
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc.font('Medium').fontSize(7.5).fillColor(MUTED).text(t.scan, qrX - 6, qrY + qrSize + 6, { width: qrSize + 12, align: 'center' });

  const signers = c.signers.slice(0, 4);
  const signArea = { x: qrX + qrSize + 40, w: W - (qrX + qrSize + 40) - 60 };
  const issued = `${t.issued} ${formatInstantDay(locale, c.issuedAt, c.timeZone)}`;
  const colW = signers.length ? Math.min(220, signArea.w / signers.length) : signArea.w;
  const colsX = signArea.x + (signArea.w - colW * Math.max(signers.length, 1)) / 2;
  const signTop = Math.max(afterFacts + 10, bottom - 118);
  doc.font('Regular').fontSize(9.5).fillColor(MUTED).text(issued, colsX, signTop, { width: colW * Math.max(signers.length, 1), align: 'center' });
  signers.forEach((s, i) => {
    const x = colsX + i * colW;
    const w = colW - 16;
    doc.font('Medium').fontSize(9).fillColor(INK).text(s.position, x + 8, signTop + 16, { width: w, align: 'center', height: 24, ellipsis: true });
    const image = s.id ? c.signatures.get(s.id) : undefined;
    const lineY = bottom - 14;
    if (image) doc.image(image, x + 8, lineY - 46, { fit: [w, 42], align: 'center', valign: 'bottom' });
    doc.moveTo(x + 24, lineY).lineTo(x + colW - 24, lineY).lineWidth(0.6).stroke(MUTED);
    doc.font('SemiBold').fontSize(10.5).fillColor(INK).text(s.name, x + 8, lineY + 4, { width: w, align: 'center', height: 28, ellipsis: true });
  });

  // Footer: where anyone checks it, with the code in full.
  doc.font('Regular').fontSize(7.5).fillColor(MUTED).text(`${t.footer} ${url}`, 60, H - 40, { width: W - 120, align: 'center', lineBreak: false });

  // A certificate no longer valid says so across the page (its facts stay readable beneath).
  const stamp = c.status === CertificateStatus.REVOKED ? t.revoked : c.status === CertificateStatus.SUPERSEDED ? t.superseded : null;
  if (stamp) {
    doc.save();
    doc.rotate(-24, { origin: [W / 2, H / 2] });
    doc.fillOpacity(0.16).font('ExtraBold').fontSize(110).fillColor('#b03a0a').text(stamp, 0, H / 2 - 60, { width: W, align: 'center', lineBreak: false });
    doc.restore();
  }

  doc.end();
  return done;
}
