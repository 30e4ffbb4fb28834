import { Field, ID, ObjectType } from 'type-graphql';
import type { CoachEntity } from './coach.entity.js';

@ObjectType({ description: 'A health coach (gezondheidscoach) at a service provider.' })
export class Coach {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String) activeFrom!: string;
  @Field(() => String, { nullable: true }) activeUntil!: string | null;
  serviceProviderId!: string;

  static from(c: CoachEntity): Coach {
    return Object.assign(new Coach(), {
      id: c.id,
      fullName: c.fullName,
      activeFrom: c.activeFrom,
      activeUntil: c.activeUntil,
      serviceProviderId: c.serviceProviderId,
    });
  }
}
