import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError } from '../test/fixtures';
import { callsOf, renderPortal } from '../test/render';

const question = (key: string, text: string, kind: string, options: unknown, position: number) => ({
  __typename: 'SurveyQuestion',
  key,
  text,
  kind,
  options,
  componentKey: null,
  position,
  required: false,
});
const survey = (response: { questionKey: string; value: string }[] | null) => ({
  __typename: 'Survey',
  id: 's1',
  key: 'evaluatie',
  title: 'Evaluatie gezondheidscoaches',
  opensOn: '2019-09-01',
  closesOn: null,
  isOpen: true,
  questions: [
    question(
      'timeInvestment',
      'Hoe zwaar weegt de tijdsinvestering?',
      'SCALE',
      { min: 1, max: 5 },
      1,
    ),
    question(
      'mainObstacle',
      'Wat houdt u het meest tegen?',
      'CHOICE',
      { choices: ['TIME_INVESTMENT', 'COST'] },
      2,
    ),
    question('wouldRecommend', 'Zou u het aanraden?', 'BOOLEAN', {}, 3),
    question('suggestions', 'Wat kunnen we verbeteren?', 'TEXT', {}, 4),
  ],
  response: response
    ? {
        __typename: 'SurveyResponse',
        id: 'r1',
        answers: response.map((a) => ({ __typename: 'SurveyAnswer', ...a })),
        submittedAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-02T10:00:00.000Z',
      }
    : null,
});

describe('answering a survey', () => {
  it('requires the closed questions, sends every answer as text and can be edited', async () => {
    const { api } = renderPortal('/bevragingen/gezondheidscoaches/s1', {
      PortalSurveys: { data: { surveys: [survey(null)] } },
      SubmitSurveyResponse: {
        data: {
          submitSurveyResponse: survey([
            { questionKey: 'timeInvestment', value: '4' },
            { questionKey: 'mainObstacle', value: 'COST' },
            { questionKey: 'wouldRecommend', value: 'true' },
          ]),
        },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Evaluatie gezondheidscoaches' });
    await userEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getAllByRole('link')).toHaveLength(3);
    expect(callsOf(api, 'SubmitSurveyResponse')).toHaveLength(0);

    const scale = screen.getByRole('group', { name: /tijdsinvestering/ });
    await userEvent.click(within(scale).getByRole('radio', { name: '4' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Kostprijs' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Ja' }));
    await userEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    expect(await screen.findByText(/Je antwoorden zijn bewaard/)).toBeInTheDocument();
    expect(callsOf(api, 'SubmitSurveyResponse')[0]?.variables.input).toEqual({
      surveyId: 's1',
      organisationId: 'o1',
      answers: [
        { questionKey: 'timeInvestment', value: '4' },
        { questionKey: 'mainObstacle', value: 'COST' },
        { questionKey: 'wouldRecommend', value: 'true' },
        { questionKey: 'suggestions', value: null },
      ],
    });
    expect(screen.getByRole('button', { name: 'Wijzigingen bewaren' })).toBeInTheDocument();
  });

  it('shows a server error next to the question at that position', async () => {
    renderPortal('/bevragingen/gezondheidscoaches/s1', {
      PortalSurveys: {
        data: {
          surveys: [
            survey([
              { questionKey: 'timeInvestment', value: '4' },
              { questionKey: 'mainObstacle', value: 'COST' },
              { questionKey: 'wouldRecommend', value: 'false' },
            ]),
          ],
        },
      },
      SubmitSurveyResponse: apiError('BAD_USER_INPUT', 'At most 2000 characters', {
        field: 'input.answers.3.value',
      }),
    });
    expect(await screen.findByText(/Je organisatie antwoordde al/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Nee' })).toBeChecked();
    await userEvent.type(screen.getByRole('textbox', { name: /verbeteren/ }), 'Meer uitleg.');
    await userEvent.click(screen.getByRole('button', { name: 'Wijzigingen bewaren' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /verbeteren/ })).toHaveAccessibleDescription(
        expect.stringContaining('Dit antwoord is te lang.'),
      ),
    );
  });
});
