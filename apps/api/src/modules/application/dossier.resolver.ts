import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { assertId } from '../../graphql/ids.js';
import { requireViewer } from '../../graphql/policy.js';
import { Application } from './application.types.js';
import { DossierService } from './dossier.service.js';

@InputType()
export class DossierAnswerInput {
  @Field(() => String, {
    description: 'healthPolicyVision, actionsTaken, employeeInvolvement, collaboration, results',
  })
  key!: string;
  @Field(() => String) value!: string;
}

@InputType()
export class ParticipationDossierInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => [DossierAnswerInput]) answers!: DossierAnswerInput[];
  @Field(() => Boolean, { description: 'true submits the dossier (PARTICIPATED); false saves it.' })
  submit!: boolean;
  @Field(() => Int) expectedVersion!: number;
}

@Resolver()
export class DossierResolver {
  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Application, {
    description:
      "Save or submit the award's participation dossier (files go to POST /api/applications/:id/attachments).",
  })
  async saveParticipationDossier(
    @Arg('input', () => ParticipationDossierInput) input: ParticipationDossierInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    assertId(input.applicationId, 'input.applicationId');
    return Application.from(
      await new DossierService(ctx.dataSource).save(requireViewer(ctx), input),
    );
  }
}
