import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RunSessionStatus } from './session.entity.js';

@ObjectType('RunSession', { description: 'One meeting of a workshop run: when (in the venue zone), where, and whether it still takes place' })
export class RunSessionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) runId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { description: "The venue's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)" }) timeZone!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Boolean, { description: 'The session has an online link (onlineUrl shows it only to seat holders and who runs the workshop)' })
  hasOnlineUrl!: boolean;
  @Field(() => String, { nullable: true, description: 'Where to join online: only for seat holders of the run and who runs it (its instructors, its course’s managers); null for everyone else' })
  onlineUrl!: string | null;
  @Field(() => RunSessionStatus) status!: RunSessionStatus;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled (CANCELLED only)' }) cancelReason!: string | null;
}

@ObjectType('RunMaterial', { description: 'A material of a workshop run: a link, or a file kept by Lentera (downloadUrl, for seat holders and who runs it)' })
export class RunMaterialType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'A link material (https)' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'A file material: where to download it (same site; 404 for who may not)' }) downloadUrl!: string | null;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => String, { nullable: true }) contentType!: string | null;
  @Field(() => Int, { nullable: true }) byteSize!: number | null;
  @Field(() => Date) createdAt!: Date;
}
