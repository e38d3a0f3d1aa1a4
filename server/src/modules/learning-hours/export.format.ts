import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../shared/i18n/messages.js';
import { developmentFormNames, type DevelopmentForm } from '../course/index.js';
import type { ExportLine } from './export.sql.js';
import { LearningExportFormat } from './export.entity.js';

/**
 * The columns SIASN (BKN's national personnel system) asks for when a training is recorded in a civil servant's
 * history (riwayat diklat/kursus): who (name, NIP), what (the activity and its form of development), who organised
 * it, when, how many JP, and the certificate number.
 */
const HEADERS: Record<Locale, string[]> = {
  id: ['Nama', 'NIP', 'Nama Kegiatan', 'Jenis Diklat / Bentuk Pengembangan', 'Penyelenggara', 'Tanggal Mulai', 'Tanggal Selesai', 'Jumlah JP', 'Nomor Sertifikat'],
  en: ['Name', 'NIP', 'Activity', 'Form of development', 'Organiser', 'Start date', 'End date', 'JP', 'Certificate number'],
};


/**
 * Formula injection: a spreadsheet reads a cell starting with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
 * return before one) as a formula, so a course titled `=HYPERLINK(…)` would run in the admin's spreadsheet. Such a
 * cell gets a leading apostrophe (OWASP's and ASVS 1.2.10's convention): spreadsheets read it as "this is text";
 * a program reading the file drops one leading `'` from a cell that has one.
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row's cells as written, in HEADERS order (the NIP and dates as text, JP a number). */
export interface ExportCells {
  name: string;
  nip: string;
  title: string;
  form: string;
  organiser: string;
  startsOn: string;
  endsOn: string;
  jp: number;
  serial: string;
}

/** `showNip` says whether the reader may see this person's NIP in full (else it is masked, as the API masks it). */
export function toCells(line: ExportLine, locale: Locale, shownNip: string): ExportCells {
  return {
    name: neutralise(line.full_name),
    nip: neutralise(shownNip),
    title: neutralise(line.title),
    form: neutralise(line.form ? (developmentFormNames[locale][line.form as DevelopmentForm] ?? line.form) : ''),
    organiser: neutralise(line.organiser ?? ''),
    startsOn: line.starts_on,
    endsOn: line.ends_on,
    jp: Number(line.jp),
    serial: neutralise(line.serial ?? ''),
  };
}

/** Writes to a stream and waits when it asks to (a slow download, the job's buffer). */
async function put(out: Writable, text: string): Promise<void> {
  if (!out.write(text, 'utf8')) await once(out, 'drain');
}

/** RFC 4180: every field quoted, quotes doubled, CRLF between records. */
const csvRecord = (fields: (string | number)[]): string => `${fields.map((f) => `"${String(f).replace(/"/g, '""')}"`).join(',')}\r\n`;

/**
 * NIPs in CSV: an 18-digit NIP opened by a spreadsheet becomes the number 1.99E+17 (its last digits lost). CSV has no
 * type, and the usual tricks are themselves formulas or formula triggers (`="…"` is a formula; a leading tab is one
 * of the trigger characters above). So the NIP carries the same leading apostrophe as a neutralised cell: not a
 * formula, read as text by Excel, LibreOffice and Google Sheets, and removed by the one rule a program applies to
 * every cell. XLSX needs none of this: its NIP cells are text cells.
 */
const csvNip = (nip: string): string => (nip ? `'${nip}` : '');

export interface ExportWriter {
  rows(cells: ExportCells[]): Promise<void>;
  /** Ends the file (and the stream). */
  end(): Promise<void>;
}

/** UTF-8 with a byte-order mark, so Excel reads Indonesian names and titles as UTF-8. */
function csvWriter(out: Writable, locale: Locale): ExportWriter {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await put(out, `\uFEFF${csvRecord(HEADERS[locale])}`);
  };
  return {
    async rows(cells) {
      await start();
      let chunk = '';
      for (const c of cells) {
        const nip = c.nip.startsWith("'") ? c.nip : csvNip(c.nip);
        chunk += csvRecord([c.name, nip, c.title, c.form, c.organiser, c.startsOn, c.endsOn, c.jp, c.serial]);
      }
      await put(out, chunk);
    },
    async end() {
      await start();
      out.end();
      await once(out, 'finish');
    },
  };
}

const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * exceljs's streaming writer: rows are committed to the stream as they come, so memory holds one page. NIP cells
 * are strings with the text number format `@` (typing into them keeps them text too); dates are date cells.
 */
function xlsxWriter(out: Writable, locale: Locale): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Training history' : 'Riwayat diklat');
  sheet.columns = [
    { key: 'name', width: 32 },
    { key: 'nip', width: 22, style: { numFmt: '@' } },
    { key: 'title', width: 48 },
    { key: 'form', width: 30 },
    { key: 'organiser', width: 36 },
    { key: 'startsOn', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    { key: 'endsOn', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    { key: 'jp', width: 10, style: { numFmt: '0.0' } },
    { key: 'serial', width: 28, style: { numFmt: '@' } },
  ];
  const header = sheet.addRow(HEADERS[locale]);
  header.font = { bold: true };
  header.commit();
  return {
    async rows(cells) {
      for (const c of cells) {
        const row = sheet.addRow([c.name, c.nip, c.title, c.form, c.organiser, utcDay(c.startsOn), utcDay(c.endsOn), c.jp, c.serial]);
        row.getCell(2).numFmt = '@';
        row.getCell(9).numFmt = '@';
        row.commit();
      }
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function exportWriter(format: LearningExportFormat, out: Writable, locale: Locale): ExportWriter {
  return format === LearningExportFormat.XLSX ? xlsxWriter(out, locale) : csvWriter(out, locale);
}

export const CONTENT_TYPES: Record<LearningExportFormat, string> = {
  [LearningExportFormat.CSV]: 'text/csv; charset=utf-8',
  [LearningExportFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const EXTENSIONS: Record<LearningExportFormat, string> = { [LearningExportFormat.CSV]: 'csv', [LearningExportFormat.XLSX]: 'xlsx' };
