import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { isoDate, todayInBrussels } from '../../database/sql.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { canManage, isAdmin, type Viewer } from '../../graphql/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseInput } from '../auth/auth.service.js';
import { EditionEntity, ProgrammeEntity } from '../programme/programme.entity.js';
import {
  QUESTION_KINDS,
  SURVEY_MOMENTS,
  SURVEY_STATUSES,
  SurveyEntity,
  SurveyQuestionEntity,
} from './survey.entity.js';
import { SurveyDefinition, SurveyQuestion, type SurveyVersionSummary } from './survey.types.js';
import type {
  CreateSurveyInput,
  SetSurveyStatusInput,
  UpdateSurveyInput,
} from './survey-admin.inputs.js';

const questionSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Key: a letter, then letters, digits or _ (max 64)')
      .nullish(),
    text: z.string().trim().min(3, 'Enter the question').max(1000, 'At most 1000 characters'),
    kind: z.enum(QUESTION_KINDS),
    required: z.boolean(),
    choices: z
      .array(z.string().trim().min(1, 'Enter the choice').max(200, 'At most 200 characters'))
      .max(20, 'At most 20 choices')
      .nullish(),
    min: z.number().int().min(0, 'At least 0').max(10, 'At most 10').nullish(),
    max: z.number().int().min(1, 'At least 1').max(10, 'At most 10').nullish(),
    componentKey: z.string().trim().max(64).nullish(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'CHOICE') {
      const choices = q.choices ?? [];
      if (choices.length < 2)
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Give at least 2 choices' });
      else if (new Set(choices).size !== choices.length)
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Each choice only once' });
    }
    if (q.kind === 'SCALE' && (q.min ?? 1) >= (q.max ?? 5))
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'The highest value must be above the lowest',
      });
  });

const surveyFields = {
  title: z.string().trim().min(3, 'Enter a title').max(200, 'At most 200 characters'),
  editionId: z.string().nullish(),
  moment: z.enum(SURVEY_MOMENTS).nullish(),
  opensOn: z.date().nullish(),
  closesOn: z.date().nullish(),
  questions: z
    .array(questionSchema)
    .min(1, 'Add at least one question')
    .max(50, 'At most 50 questions'),
};
type SurveyFields = z.infer<z.ZodObject<typeof surveyFields>>;
const refineSurvey = (s: SurveyFields, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  for (const [i, q] of s.questions.entries()) {
    if (!q.key) continue;
    if (seen.has(q.key))
      ctx.addIssue({
        code: 'custom',
        path: ['questions', i, 'key'],
        message: 'Each question needs its own key',
      });
    seen.add(q.key);
  }
  if (s.opensOn && s.closesOn && s.closesOn < s.opensOn)
    ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'Closes before it opens' });
};
const createSchema = z
  .object({ programmeKey: z.string().trim().min(1, 'Choose a programme'), ...surveyFields })
  .superRefine(refineSurvey);
const updateSchema = z.object({ id: z.string(), ...surveyFields }).superRefine(refineSurvey);
const statusSchema = z.object({ id: z.string(), status: z.enum(SURVEY_STATUSES) });

type QuestionRow = Pick<
  SurveyQuestionEntity,
  'key' | 'text' | 'kind' | 'required' | 'options' | 'componentKey' | 'position'
>;

const snapshot = (s: SurveyEntity, questions: QuestionRow[]) => ({
  key: s.key,
  programmeId: s.programmeId,
  editionId: s.editionId,
  title: s.title,
  moment: s.moment,
  status: s.status,
  opensOn: s.opensOn,
  closesOn: s.closesOn,
  version: s.currentVersion,
  questions: questions.map(({ key, text, kind, required, options }) => ({
    key,
    text,
    kind,
    required,
    options,
  })),
});

const sameQuestions = (a: QuestionRow[], b: QuestionRow[]) => {
  const shape = (qs: QuestionRow[]) =>
    JSON.stringify(
      [...qs]
        .sort((x, y) => x.position - y.position)
        .map((q) => [q.key, q.text, q.kind, q.required, q.options, q.componentKey ?? null]),
    );
  return shape(a) === shape(b);
};

/** Surveys as the back office builds them: ADMIN all, PROGRAMME_MANAGER their programmes. */
export class SurveyAdminService {
  constructor(private readonly ds: DataSource) {}

  /** The surveys with their versions and response counts, counted in SQL. */
  async list(
    viewer: Viewer,
    filter: { programmeKey?: string | null; id?: string | null } = {},
  ): Promise<SurveyDefinition[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.programmeKey) {
      params.push(filter.programmeKey);
      where.push(`p.key = $${params.length}`);
    }
    if (filter.id) {
      params.push(filter.id);
      where.push(`s.id = $${params.length}`);
    }
    if (!isAdmin(viewer)) {
      params.push(viewer.programmeIds);
      where.push(`s.programme_id = ANY($${params.length}::uuid[])`);
    }
    const rows = (await this.ds.query(
      `SELECT s.id, s.key, s.title, p.key AS "programmeKey", p.name AS "programmeName",
              s.edition_id AS "editionId", e.year AS "editionYear", s.moment, s.status,
              s.opens_on::text AS "opensOn", s.closes_on::text AS "closesOn",
              s.current_version AS "currentVersion",
              COALESCE((SELECT json_agg(json_build_object('version', v.version,
                          'questionCount', v.questions, 'responseCount', COALESCE(r.responses, 0))
                          ORDER BY v.version)
                 FROM (SELECT q.version, count(*)::int AS questions FROM survey_question q
                        WHERE q.survey_id = s.id GROUP BY q.version) v
                 LEFT JOIN (SELECT x.version, count(*)::int AS responses FROM survey_response x
                             WHERE x.survey_id = s.id GROUP BY x.version) r ON r.version = v.version),
                '[]'::json) AS versions,
              (SELECT count(*)::int FROM survey_response x WHERE x.survey_id = s.id) AS "responseCount"
         FROM survey s JOIN programme p ON p.id = s.programme_id
         LEFT JOIN edition e ON e.id = s.edition_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.name, s.opens_on DESC, s.title`,
      params,
    )) as (Omit<SurveyDefinition, 'questions' | 'versions'> & {
      versions: SurveyVersionSummary[];
    })[];
    if (rows.length === 0) return [];
    const questions = await this.ds
      .getRepository(SurveyQuestionEntity)
      .createQueryBuilder('q')
      .innerJoin(SurveyEntity, 's', 's.id = q.survey_id AND s.current_version = q.version')
      .where('s.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('q.position', 'ASC')
      .getMany();
    return rows.map((r) =>
      Object.assign(new SurveyDefinition(), {
        ...r,
        questions: questions.filter((q) => q.surveyId === r.id).map(SurveyQuestion.from),
      }),
    );
  }

  async create(viewer: Viewer, raw: CreateSurveyInput): Promise<SurveyDefinition> {
    const input = parseInput(createSchema, raw);
    const id = await this.ds.transaction(async (em) => {
      const programme = await em
        .getRepository(ProgrammeEntity)
        .findOneBy({ key: input.programmeKey });
      if (!programme || !canManage(viewer, programme.id)) throw notFound('Programme');
      await this.assertEdition(em, programme.id, input.editionId);
      await this.assertComponents(em, programme.id, input.questions);
      const repo = em.getRepository(SurveyEntity);
      const survey = await repo.save(
        repo.create({
          key: surveyKey(input.title),
          programmeId: programme.id,
          editionId: input.editionId ?? null,
          title: input.title,
          moment: input.moment ?? null,
          status: 'DRAFT',
          opensOn: input.opensOn ? isoDate(input.opensOn) : todayInBrussels(),
          closesOn: input.closesOn ? isoDate(input.closesOn) : null,
          currentVersion: 1,
        }),
      );
      const questions = questionRows(input.questions, new Set());
      await insertQuestions(em, survey.id, 1, questions);
      await recordAudit(em, viewer, {
        action: 'survey.create',
        entityType: 'SURVEY',
        entityId: survey.id,
        after: snapshot(survey, questions),
      });
      return survey.id;
    });
    return (await this.list(viewer, { id }))[0]!;
  }

  /**
   * Changes a survey. Changed questions on a version that has responses make a new version;
   * without responses the current version is rewritten.
   */
  async update(viewer: Viewer, raw: UpdateSurveyInput): Promise<SurveyDefinition> {
    const input = parseInput(updateSchema, raw);
    const id = assertId(input.id, 'input.id');
    await this.ds.transaction(async (em) => {
      const survey = await em
        .getRepository(SurveyEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!survey || !canManage(viewer, survey.programmeId)) throw notFound('Survey');
      await this.assertEdition(em, survey.programmeId, input.editionId);
      await this.assertComponents(em, survey.programmeId, input.questions);
      const all = await em.getRepository(SurveyQuestionEntity).findBy({ surveyId: survey.id });
      const current = all
        .filter((q) => q.version === survey.currentVersion)
        .sort((a, b) => a.position - b.position);
      const before = snapshot(survey, current);
      const next = questionRows(input.questions, new Set(all.map((q) => q.key)));
      if (!sameQuestions(current, next)) {
        const [{ answered }] = await em.query(
          'SELECT EXISTS (SELECT 1 FROM survey_response WHERE survey_id = $1 AND version = $2) AS answered',
          [survey.id, survey.currentVersion],
        );
        if (answered) survey.currentVersion += 1;
        else
          await em.delete(SurveyQuestionEntity, {
            surveyId: survey.id,
            version: survey.currentVersion,
          });
        await insertQuestions(em, survey.id, survey.currentVersion, next);
      }
      survey.title = input.title;
      survey.editionId = input.editionId ?? null;
      survey.moment = input.moment ?? null;
      if (input.opensOn) survey.opensOn = isoDate(input.opensOn);
      survey.closesOn = input.closesOn ? isoDate(input.closesOn) : null;
      if (survey.closesOn && survey.closesOn < survey.opensOn)
        throw badInput('Closes before it opens', 'input.closesOn');
      await em.getRepository(SurveyEntity).save(survey);
      await recordAudit(em, viewer, {
        action: 'survey.update',
        entityType: 'SURVEY',
        entityId: survey.id,
        before,
        after: snapshot(survey, next),
      });
    });
    return (await this.list(viewer, { id }))[0]!;
  }

  /** Publish (companies see it, invitations go out), archive, or back to draft if unanswered. */
  async setStatus(viewer: Viewer, raw: SetSurveyStatusInput): Promise<SurveyDefinition> {
    const input = parseInput(statusSchema, raw);
    const id = assertId(input.id, 'input.id');
    await this.ds.transaction(async (em) => {
      const survey = await em
        .getRepository(SurveyEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!survey || !canManage(viewer, survey.programmeId)) throw notFound('Survey');
      if (survey.status === input.status) return;
      if (input.status === 'DRAFT') {
        const [{ answered }] = await em.query(
          'SELECT EXISTS (SELECT 1 FROM survey_response WHERE survey_id = $1) AS answered',
          [survey.id],
        );
        if (answered)
          throw badInput('A survey with responses cannot go back to draft', 'input.status');
      }
      const before = { status: survey.status };
      survey.status = input.status;
      await em.getRepository(SurveyEntity).save(survey);
      await recordAudit(em, viewer, {
        action: 'survey.status',
        entityType: 'SURVEY',
        entityId: survey.id,
        before,
        after: { status: survey.status },
      });
    });
    return (await this.list(viewer, { id }))[0]!;
  }

  private async assertEdition(em: EntityManager, programmeId: string, editionId?: string | null) {
    if (!editionId) return;
    const edition = await em
      .getRepository(EditionEntity)
      .findOneBy({ id: assertId(editionId, 'input.editionId') });
    if (!edition || edition.programmeId !== programmeId)
      throw badInput("Choose one of the programme's calls", 'input.editionId');
  }

  private async assertComponents(
    em: EntityManager,
    programmeId: string,
    questions: { componentKey?: string | null }[],
  ) {
    const keys = [...new Set(questions.map((q) => q.componentKey).filter((k) => !!k))];
    if (keys.length === 0) return;
    const found = (await em.query(
      'SELECT key FROM programme_component WHERE programme_id = $1 AND key = ANY($2::text[])',
      [programmeId, keys],
    )) as { key: string }[];
    const known = new Set(found.map((r) => r.key));
    const i = questions.findIndex((q) => q.componentKey && !known.has(q.componentKey));
    if (i >= 0) throw badInput('Unknown component', `input.questions.${i}.componentKey`);
  }
}

type ParsedQuestion = z.infer<typeof questionSchema>;

/** Rows for the questions in order; a question without key gets q1, q2, … not used before. */
function questionRows(questions: ParsedQuestion[], usedKeys: Set<string>): QuestionRow[] {
  const used = new Set([...usedKeys, ...questions.flatMap((q) => (q.key ? [q.key] : []))]);
  let n = 0;
  const freshKey = () => {
    do n += 1;
    while (used.has(`q${n}`));
    used.add(`q${n}`);
    return `q${n}`;
  };
  return questions.map((q, i) => ({
    key: q.key ?? freshKey(),
    text: q.text,
    kind: q.kind,
    required: q.required,
    options:
      q.kind === 'CHOICE'
        ? { choices: q.choices ?? [] }
        : q.kind === 'SCALE'
          ? { min: q.min ?? 1, max: q.max ?? 5 }
          : {},
    componentKey: q.componentKey || null,
    position: i + 1,
  }));
}

async function insertQuestions(
  em: EntityManager,
  surveyId: string,
  version: number,
  questions: QuestionRow[],
) {
  await em.insert(
    SurveyQuestionEntity,
    questions.map((q) => ({ ...q, options: q.options as never, surveyId, version })),
  );
}

/** A readable unique key from the title: "evaluatie-2026-3f9a1c". */
function surveyKey(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return `${slug || 'bevraging'}-${randomBytes(3).toString('hex')}`;
}
