import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DevelopmentForm, DevelopmentFormGroup } from '../course/index.js';

@ObjectType({ description: "JP of a year's counted lines from one form of development" })
export class JpByForm {
  @Field(() => DevelopmentForm, { nullable: true, description: 'Null: a source with no single form (a programme, a correction)' }) form!: DevelopmentForm | null;
  @Field(() => DevelopmentFormGroup, { nullable: true }) group!: DevelopmentFormGroup | null;
  @Field(() => Float) jp!: number;
}

@ObjectType({ description: "JP of a year's counted lines by the month (Asia/Jakarta) the learning happened" })
export class JpByMonth {
  @Field(() => Int, { description: '1–12' }) month!: number;
  @Field(() => Float) jp!: number;
}
