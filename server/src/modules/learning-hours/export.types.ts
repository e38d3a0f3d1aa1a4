import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { LearningExportFormat, LearningExportStatus } from './export.entity.js';

@ObjectType({ description: "An agency's training history written by the export job, kept for its requester to download" })
export class LearningExport {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => Int, { nullable: true, description: 'Only this year; every year when null' }) year!: number | null;
  @Field(() => LearningExportFormat) format!: LearningExportFormat;
  @Field(() => LearningExportStatus) status!: LearningExportStatus;
  @Field(() => Int, { nullable: true }) lineCount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Bytes of the stored file' }) byteSize!: number | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Date, { description: 'After this the file is no longer handed out' }) expiresAt!: Date;
  @Field(() => String, { nullable: true, description: 'Where the requester downloads it (READY and not expired)' }) downloadUrl!: string | null;
}

export const LearningExportPage = PageOf(LearningExport, 'LearningExportPage');
export type LearningExportPage = InstanceType<typeof LearningExportPage>;

@ObjectType({ description: 'A small export downloads at once (downloadUrl); a large one is queued (export) and arrives as a link' })
export class LearningExportRequest {
  @Field(() => Boolean) queued!: boolean;
  @Field(() => Int, { description: 'Lines the export holds' }) lineCount!: number;
  @Field(() => String, { nullable: true, description: 'The direct download, when not queued' }) downloadUrl!: string | null;
  @Field(() => LearningExport, { nullable: true, description: 'The stored export being written, when queued' }) export!: LearningExport | null;
}
