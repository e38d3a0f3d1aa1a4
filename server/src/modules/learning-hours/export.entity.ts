import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Person } from '../person/person.entity.js';

export enum LearningExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(LearningExportFormat, { name: 'LearningExportFormat', description: 'CSV (UTF-8 with BOM) or XLSX' });

export enum LearningExportStatus {
  /** Waiting for, or being written by, the export job. */
  PENDING = 'PENDING',
  READY = 'READY',
  /** The job gave up (its retries spent); nothing is kept. */
  FAILED = 'FAILED',
}
registerEnumType(LearningExportStatus, { name: 'LearningExportStatus', description: 'Where a stored export stands' });

const sqlList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * An agency's training history written by the export job (too many lines for one request) and kept for its
 * requester to download until `expires_at`. The file lives here, in PostgreSQL like every other upload, so any
 * server instance can hand it out; only the requester may (`GET /files/exports/:id`).
 */
@Entity()
@Index({ properties: ['requestedBy', 'createdAt'] })
@Check({ name: 'learning_export_format_known', expression: `format in (${sqlList(Object.values(LearningExportFormat))})` })
@Check({ name: 'learning_export_status_known', expression: `status in (${sqlList(Object.values(LearningExportStatus))})` })
@Check({ name: 'learning_export_locale_known', expression: "locale in ('id', 'en')" })
@Check({ name: 'learning_export_ready_has_file', expression: "(status = 'READY') = (content is not null)" })
export class LearningExport extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  requestedBy: Rel<Person>;

  /** Whose lines: those credited while their person was in this agency. */
  @ManyToOne(() => Agency, { deleteRule: 'cascade' })
  agency: Rel<Agency>;

  /** Only this calendar year (Asia/Jakarta); every year when null. */
  @Property({ type: 'smallint', nullable: true })
  year: number | null = null;

  @Property({ type: 'text' })
  format: LearningExportFormat;

  /** The language of the column headers and form names. */
  @Property({ type: 'text' })
  locale: 'id' | 'en';

  @Property({ type: 'text', default: LearningExportStatus.PENDING })
  status: LearningExportStatus & Opt = LearningExportStatus.PENDING;

  @Property({ type: 'integer', nullable: true })
  lineCount: number | null = null;

  @Property({ type: 'integer', nullable: true })
  byteSize: number | null = null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  content: Buffer | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  /** After this the file is no longer handed out (and the daily purge drops it). */
  @Property({ type: 'datetime' })
  expiresAt: Date;

  constructor(requestedBy: Person, agency: Agency, format: LearningExportFormat, locale: 'id' | 'en', expiresAt: Date) {
    super();
    this.requestedBy = requestedBy;
    this.agency = agency;
    this.format = format;
    this.locale = locale;
    this.expiresAt = expiresAt;
  }
}
