import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DevelopmentForm } from '../course/index.js';
import { PageOf } from '../../shared/graphql/pagination.js';
import { AgreementKind } from './agreement.entity.js';

/** Where an agreement stands today (Asia/Jakarta dates). */
export enum AgreementStatus {
  UPCOMING = 'UPCOMING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'UPCOMING (not yet in force), ACTIVE, EXPIRED' });

@ObjectType('AgreementParty', { description: 'A partner institution or an agency party to an agreement' })
export class AgreementParty {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('AgreementDocument', { description: 'The uploaded PDF; download it at `downloadUrl` (the parties and platform admins only)' })
export class AgreementDocumentInfo {
  @Field(() => Int) byteSize!: number;
  @Field(() => String, { description: 'Same-origin path: GET it with the session cookie' }) downloadUrl!: string;
}

@ObjectType('Agreement', { description: 'Kerja sama (MoU / PKS) between a partner institution and agencies' })
export class AgreementNode {
  @Field(() => ID) id!: string;
  @Field(() => AgreementKind) kind!: AgreementKind;
  @Field(() => String) number!: string;
  @Field(() => String) title!: string;
  @Field(() => AgreementParty) partner!: AgreementParty;
  @Field(() => [AgreementParty]) agencies!: AgreementParty[];
  @Field(() => String, { description: 'First day in force, YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { description: 'Last day in force, YYYY-MM-DD' }) validTo!: string;
  @Field(() => [DevelopmentForm], { description: 'Forms of development covered' }) scope!: DevelopmentForm[];
  @Field(() => AgreementStatus) status!: AgreementStatus;
  @Field(() => Int, { description: 'Days from today (Asia/Jakarta) to the last day in force; negative once expired' }) daysLeft!: number;
  @Field(() => AgreementDocumentInfo, { nullable: true }) document!: AgreementDocumentInfo | null;
  @Field(() => String, { nullable: true, description: 'A link to the document elsewhere (https)' }) documentUrl!: string | null;
  @Field(() => Boolean, { description: 'Whether the viewer may change it (an admin of one of its agencies, or a platform admin)' })
  viewerMayEdit!: boolean;
}

export const AgreementPage = PageOf(AgreementNode, 'AgreementPage');

/**
 * A person the run form may offer as an instructor of a run on the dates asked for. Not an entity (no `id`): the
 * agreement named depends on the dates, so clients keep each answer with its own arguments.
 */
@ObjectType('AssignableInstructor', { description: 'An instructor who may teach a run of the course on the dates asked for' })
export class AssignableInstructor {
  @Field(() => ID, { description: 'The person, as createCourseRun/updateCourseRun take it in instructorIds' }) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) positionTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The partner institution they are staff of' }) partnerName!: string | null;
  @Field(() => String, { nullable: true, description: 'Partner staff: the number of the agreement that lets them teach this run (null for the owner’s own staff)' })
  agreementNumber!: string | null;
  @Field(() => AgreementKind, { nullable: true, description: 'That agreement’s kind (MOU or PKS)' }) agreementKind!: AgreementKind | null;
}

export const AssignableInstructorPage = PageOf(AssignableInstructor, 'AssignableInstructorPage');
