import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { AuditFilter } from './audit.inputs.js';
import { AuditService } from './audit.service.js';
import { AuditRecordConnection } from './audit.types.js';

@Resolver()
export class AuditResolver {
  @Authorized('ADMIN')
  @Query(() => AuditRecordConnection, { description: 'The back-office audit trail, newest first.' })
  auditTrail(
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Ctx() ctx: Context,
  ): Promise<AuditRecordConnection> {
    return new AuditService(ctx.dataSource).list(filter, first, after) as never;
  }
}
