import { Field, ID, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { PartnerKind } from './partner.entity.js';

@ObjectType('PartnerInstitution', { description: 'Mitra: a university or training institution whose staff teach for agencies' })
export class PartnerNode {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => PartnerKind) kind!: PartnerKind;
  @Field(() => String, { nullable: true }) city!: string | null;
}

export const PartnerInstitutionPage = PageOf(PartnerNode, 'PartnerInstitutionPage');
