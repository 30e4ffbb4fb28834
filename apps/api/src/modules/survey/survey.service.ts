import { type DataSource, In } from 'typeorm';
import { badInput, notFound, userError } from '../../graphql/errors.js';
import { canActFor, type Viewer } from '../../graphql/policy.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import { SurveyEntity, SurveyQuestionEntity, SurveyResponseEntity } from './survey.entity.js';
import { Survey, surveyIsOpen } from './survey.types.js';

export class SurveyService {
  constructor(private readonly ds: DataSource) {}

  /** The programme's surveys with the organisation's own response (never anyone else's). */
  async forOrganisation(
    viewer: Viewer,
    programmeKey: string,
    organisationId: string,
  ): Promise<Survey[]> {
    if (!canActFor(viewer, organisationId)) throw notFound('Organisation');
    const programme = await this.ds.getRepository(ProgrammeEntity).findOneBy({ key: programmeKey });
    if (!programme) throw badInput(`Unknown programme "${programmeKey}"`, 'programmeKey');
    // Drafts are the back office's; archived surveys stay visible with the response given.
    const surveys = await this.ds.getRepository(SurveyEntity).find({
      where: { programmeId: programme.id, status: In(['PUBLISHED', 'ARCHIVED']) },
      order: { opensOn: 'DESC' },
    });
    return Promise.all(
      surveys.map(async (s) => {
        const response = await this.ds
          .getRepository(SurveyResponseEntity)
          .findOneBy({ surveyId: s.id, organisationId });
        const questions = await this.ds.getRepository(SurveyQuestionEntity).findBy({
          surveyId: s.id,
          version: In([...new Set([s.currentVersion, response?.version ?? s.currentVersion])]),
        });
        return Survey.from(s, questions, response);
      }),
    );
  }

  /**
   * One response per organisation per survey, editable until the survey closes. A response to
   * an earlier version that is submitted again answers the current version from scratch.
   * Required questions must have an answer (given now or before); otherwise nothing is stored.
   */
  async respond(
    viewer: Viewer,
    input: {
      surveyId: string;
      organisationId: string;
      answers: { questionKey: string; value: string | null }[];
    },
  ): Promise<Survey> {
    if (!canActFor(viewer, input.organisationId)) throw notFound('Organisation');
    return this.ds.transaction(async (em) => {
      const survey = await em.getRepository(SurveyEntity).findOneBy({ id: input.surveyId });
      if (!survey) throw notFound('Survey');
      if (survey.status === 'DRAFT') throw notFound('Survey');
      const questions = await em
        .getRepository(SurveyQuestionEntity)
        .findBy({ surveyId: survey.id, version: survey.currentVersion });
      if (!surveyIsOpen(survey)) {
        throw badInput(
          'This survey is closed; responses can no longer be changed',
          'input.surveyId',
        );
      }
      const byKey = new Map(questions.map((q) => [q.key, q]));
      const answers: Record<string, string | number | boolean | null> = {};
      for (const [i, a] of input.answers.entries()) {
        const q = byKey.get(a.questionKey);
        const field = `input.answers.${i}.value`;
        if (!q)
          throw badInput(`Unknown question "${a.questionKey}"`, `input.answers.${i}.questionKey`);
        answers[q.key] = parseAnswer(q, a.value, field);
      }
      const repo = em.getRepository(SurveyResponseEntity);
      const existing = await repo.findOneBy({
        surveyId: survey.id,
        organisationId: input.organisationId,
      });
      const earlier = existing?.version === survey.currentVersion ? existing.answers : {};
      const merged = { ...earlier, ...answers };
      const missing = questions
        .sort((a, b) => a.position - b.position)
        .find((q) => q.required && (merged[q.key] === null || merged[q.key] === undefined));
      if (missing) {
        throw userError('BAD_USER_INPUT', `Answer the required question "${missing.key}"`, {
          field: 'input.answers',
          questionKey: missing.key,
          reason: 'REQUIRED',
        });
      }
      const now = new Date();
      const saved = await repo.save({
        ...(existing ?? {
          surveyId: survey.id,
          organisationId: input.organisationId,
          submittedAt: now,
        }),
        version: survey.currentVersion,
        answers: merged,
        updatedAt: now,
      });
      return Survey.from(survey, questions, saved);
    });
  }
}

function parseAnswer(q: SurveyQuestionEntity, raw: string | null, field: string) {
  if (raw === null || raw.trim() === '') return null;
  const value = raw.trim();
  switch (q.kind) {
    case 'SCALE': {
      const n = Number(value);
      const min = Number(q.options.min ?? 1);
      const max = Number(q.options.max ?? 5);
      if (!Number.isInteger(n) || n < min || n > max)
        throw badInput(`Choose a whole number from ${min} to ${max}`, field);
      return n;
    }
    case 'BOOLEAN':
      if (value !== 'true' && value !== 'false') throw badInput('Answer yes or no', field);
      return value === 'true';
    case 'CHOICE': {
      const choices = (q.options.choices as string[] | undefined) ?? [];
      if (!choices.includes(value)) throw badInput(`Choose one of: ${choices.join(', ')}`, field);
      return value;
    }
    default:
      if (value.length > 2000) throw badInput('At most 2000 characters', field);
      return value;
  }
}
