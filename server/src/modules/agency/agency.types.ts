import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { AgencyKind } from './agency.entity.js';

@ObjectType('Agency', { description: 'Instansi: a ministry, national body, province, regency or city government' })
export class AgencyNode {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => AgencyKind) kind!: AgencyKind;
  @Field(() => String, { description: 'Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)' }) timeZone!: string;
  @Field(() => Boolean) active!: boolean;
}

export const AgencyPage = PageOf(AgencyNode, 'AgencyPage');

@ObjectType('OrgUnit', { description: 'Unit kerja: one node of an agency’s org tree' })
export class OrgUnitNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: '0 for a top-level unit' }) depth!: number;
  @Field(() => String, { description: 'Ids from the root down to this unit, separated by /' }) path!: string;
  @Field(() => Int, { description: 'People placed directly in this unit (active or not)' }) personCount!: number;
  @Field(() => Int, { description: 'People in this unit and all its sub-units' }) subtreePersonCount!: number;
  @Field(() => Int, { description: 'Direct sub-units' }) childCount!: number;
}
