import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import type { AuditRecordEntity } from './audit.entity.js';

@ObjectType({ description: 'One back-office change: who, when, what, before and after.' })
export class AuditRecord {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String) actorEmail!: string;
  @Field(() => String) action!: string;
  @Field(() => String) entityType!: string;
  @Field(() => String) entityId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;

  static from(r: AuditRecordEntity): AuditRecord {
    return Object.assign(new AuditRecord(), {
      id: r.id,
      occurredAt: r.occurredAt,
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    });
  }
}

@ObjectType()
export class AuditRecordConnection extends Connection(AuditRecord, 'AuditRecord') {}
