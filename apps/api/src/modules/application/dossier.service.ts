import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { badInput } from '../../graphql/errors.js';
import type { Viewer } from '../../graphql/policy.js';
import { parseInput } from '../auth/auth.service.js';
import { type ApplicationEntity, ParticipationDossierEntity } from './application.entity.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';

/** The award dossier's structured questions; answers are plain text, limited in size. */
export const DOSSIER_QUESTIONS = [
  'healthPolicyVision',
  'actionsTaken',
  'employeeInvolvement',
  'collaboration',
  'results',
] as const;

const answersSchema = z
  .array(
    z.object({
      key: z.enum(DOSSIER_QUESTIONS, { message: `Use one of: ${DOSSIER_QUESTIONS.join(', ')}` }),
      value: z.string().trim().max(5000, 'At most 5000 characters per answer'),
    }),
  )
  .max(DOSSIER_QUESTIONS.length);

export class DossierService {
  constructor(private readonly ds: DataSource) {}

  /** Saves answers; with submit, all questions must be answered and PARTICIPATED is recorded. */
  async save(
    viewer: Viewer,
    input: {
      applicationId: string;
      answers: { key: string; value: string }[];
      submit: boolean;
      expectedVersion: number;
    },
  ): Promise<ApplicationEntity> {
    const answers = parseInput(answersSchema, input.answers, 'input.answers');
    const lifecycle = new ApplicationLifecycleService(this.ds);
    return this.ds.transaction(async (em) => {
      const app = await lifecycle.actingOn(em, viewer, input.applicationId);
      const repo = em.getRepository(ParticipationDossierEntity);
      const existing = await repo.findOneBy({ applicationId: app.id });
      if (existing?.submittedAt)
        throw badInput('The dossier has already been submitted', 'input.applicationId');
      const merged = {
        ...(existing?.answers ?? {}),
        ...Object.fromEntries(answers.map((a) => [a.key, a.value])),
      };
      if (input.submit) {
        const missing = DOSSIER_QUESTIONS.find((q) => !merged[q]?.trim());
        if (missing)
          throw badInput('Answer every question before submitting', `input.answers.${missing}`);
      }
      await repo.save({
        applicationId: app.id,
        answers: merged,
        submittedAt: input.submit ? new Date() : null,
        updatedAt: new Date(),
      });
      if (input.submit) {
        return lifecycle.appendOwnStage(em, viewer, app.id, 'PARTICIPATED', input.expectedVersion);
      }
      return app;
    });
  }
}
