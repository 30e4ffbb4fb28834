import type { DataSource } from 'typeorm';

/**
 * An open evaluation survey for the portal demo. The answer to the 2019 question announced
 * that "in het najaar wordt het project verder geëvalueerd": this is that questionnaire,
 * still open, with no responses (so it changes none of the published figures).
 */
export const DEMO_SURVEY_KEY = 'gezondheidscoaches-evaluatie-najaar-2019';

const QUESTIONS = [
  {
    key: 'timeInvestment',
    text: 'Hoe zwaar weegt de tijdsinvestering om een gezondheidsbeleid op te zetten? (1 = licht, 5 = zeer zwaar)',
    kind: 'SCALE',
    options: { min: 1, max: 5 },
  },
  {
    key: 'costBarrier',
    text: 'Hoe zwaar weegt de eigen bijdrage van 500 euro? (1 = licht, 5 = zeer zwaar)',
    kind: 'SCALE',
    options: { min: 1, max: 5 },
  },
  {
    key: 'mainObstacle',
    text: 'Wat houdt uw onderneming het meest tegen?',
    kind: 'CHOICE',
    options: { choices: ['TIME_INVESTMENT', 'COST', 'OTHER_PRIORITIES', 'PAPERWORK'] },
  },
  {
    key: 'wouldRecommend',
    text: 'Zou u het aanbod aanraden aan andere kleine ondernemingen?',
    kind: 'BOOLEAN',
    options: {},
  },
  { key: 'suggestions', text: 'Wat kunnen we verbeteren?', kind: 'TEXT', options: {} },
] as const;

export async function loadDemoSurveys(ds: DataSource): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query('DELETE FROM survey WHERE key = $1', [DEMO_SURVEY_KEY]);
    const [{ id }] = await em.query(
      `INSERT INTO survey (key, programme_id, title, opens_on, status)
       SELECT $1, id, 'Evaluatie gezondheidscoaches (najaar 2019)', '2019-09-01', 'PUBLISHED' FROM programme
        WHERE key = 'gezondheidscoaches' RETURNING id`,
      [DEMO_SURVEY_KEY],
    );
    for (const [i, q] of QUESTIONS.entries()) {
      await em.query(
        `INSERT INTO survey_question (survey_id, key, text, kind, options, position)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, q.key, q.text, q.kind, JSON.stringify(q.options), i + 1],
      );
    }
  });
}
