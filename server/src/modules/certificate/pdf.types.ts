import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How far the PDFs of an agency’s certificates (or one run’s or cohort’s) are rendered' })
export class CertificateRenderProgress {
  @Field(() => Int, { description: 'Certificates in the scope' }) total!: number;
  @Field(() => Int, { description: 'Waiting for the render job' }) pending!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int, { description: 'The render failed: re-run them after fixing the cause' }) failed!: number;
  @Field(() => Int, { description: 'Never queued (issued before PDFs were rendered at issuance): a re-run queues them' }) notQueued!: number;
}
