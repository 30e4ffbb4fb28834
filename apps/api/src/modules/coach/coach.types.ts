import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CoachEntity } from './coach.entity.js';

@ObjectType({ description: 'A health coach (gezondheidscoach) at a service provider.' })
export class Coach {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String) activeFrom!: string;
  @Field(() => String, { nullable: true }) activeUntil!: string | null;
  @Field(() => Int, { nullable: true, description: 'Most trajectories at once; null = no limit.' })
  capacity!: number | null;
  @Field(() => Boolean) active!: boolean;
  serviceProviderId!: string;
  programmeId!: string;

  static from(c: CoachEntity): Coach {
    return Object.assign(new Coach(), {
      id: c.id,
      fullName: c.fullName,
      activeFrom: c.activeFrom,
      activeUntil: c.activeUntil,
      capacity: c.capacity,
      active: c.active,
      serviceProviderId: c.serviceProviderId,
      programmeId: c.programmeId,
    });
  }
}

@ObjectType({ description: 'A coach on the roster with their current load.' })
export class CoachRosterEntry {
  @Field(() => Coach) coach!: Coach;
  @Field(() => Int, { description: 'Trajectories running now (assigned, not ended).' })
  runningTrajectories!: number;
  @Field(() => Boolean, { description: 'Active and below capacity: can take a trajectory.' })
  available!: boolean;
}
