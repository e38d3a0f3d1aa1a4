import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { DevelopmentForm } from '../course/index.js';
import { ExternalActivityStatus } from './external-activity.entity.js';

@ObjectType({ description: 'The evidence document of an external activity; downloaded from `url` by whoever may see the activity' })
export class ExternalActivityEvidenceFile {
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: 'application/pdf, image/jpeg or image/png (recognised by its content)' }) contentType!: string;
  @Field(() => Int) byteSize!: number;
  @Field(() => String, { description: 'GET /files/external-activities/<id>/evidence' }) url!: string;
}

@ObjectType({ description: 'Learning done outside Lentera, claimed with evidence and verified (or rejected) by the agency admin' })
export class ExternalActivity {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String, { nullable: true, description: 'In full for those entitled (person.identity), masked otherwise' }) personNip!: string | null;
  @Field(() => ID, { nullable: true, description: "The submitter's agency when they submitted: whose admins decide" }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String) title!: string;
  @Field(() => DevelopmentForm) form!: DevelopmentForm;
  @Field(() => String) organiser!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) startsOn!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) endsOn!: string;
  @Field(() => Float, { description: 'JP claimed (or the default for the form), credited as such when verified' }) jp!: number;
  @Field(() => Boolean, { description: "The JP are the rule set's default for the form" }) jpIsDefault!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ExternalActivityEvidenceFile) evidence!: ExternalActivityEvidenceFile;
  @Field(() => ExternalActivityStatus) status!: ExternalActivityStatus;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decidedByName!: string | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The ledger line a verification credited' }) learningRecordId!: string | null;
}

export const ExternalActivityPage = PageOf(ExternalActivity, 'ExternalActivityPage');
export type ExternalActivityPage = InstanceType<typeof ExternalActivityPage>;
