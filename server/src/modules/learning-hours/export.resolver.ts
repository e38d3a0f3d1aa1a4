import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { RequestAgencyLearningExportArgs } from './export.inputs.js';
import { listMyExports, requestAgencyExport } from './export.service.js';
import { LearningExportPage, LearningExportRequest } from './export.types.js';

@Resolver()
@Authorized()
export class LearningExportResolver {
  @Mutation(() => LearningExportRequest, {
    description: "Exports an agency's training history in SIASN's columns (its admins, platform admins): a small one answers with its "
      + 'download address, a large one is written by a job and mailed to the requester as a link',
  })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  requestAgencyLearningExport(@Args(() => RequestAgencyLearningExportArgs) args: RequestAgencyLearningExportArgs, @Ctx() ctx: SignedInContext): Promise<LearningExportRequest> {
    return requestAgencyExport(ctx, args.agencyId, args.year ?? null, args.format, args.lang === 'en' ? 'en' : 'id');
  }

  @Query(() => LearningExportPage, { description: "The viewer's stored exports, newest first" })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  myLearningExports(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext): Promise<LearningExportPage> {
    return listMyExports(ctx, args.first, args.after);
  }
}
