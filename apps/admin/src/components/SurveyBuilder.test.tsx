import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createAdminI18n } from '../i18n/i18n';
import type { ProblemState } from './Problem';
import {
  emptySurvey,
  formFromSurvey,
  moveQuestion,
  SurveyBuilder,
  type SurveyForm,
  surveyInput,
  translateProblem,
} from './SurveyBuilder';

const PROGRAMMES = [
  {
    key: 'gezondheidscoaches',
    name: 'Gezondheidscoaches in bedrijven',
    editions: [{ id: 'e2026', name: 'Oproep 2026' }],
  },
];

function renderBuilder(
  props: { problem?: ProblemState | null; initial?: SurveyForm } = {},
  locale: 'nl-BE' | 'en' = 'nl-BE',
) {
  const onSubmit = vi.fn();
  const i18n = createAdminI18n(locale);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <SurveyBuilder
        initial={props.initial ?? emptySurvey('gezondheidscoaches')}
        editing={null}
        programmes={PROGRAMMES}
        busy={false}
        problem={props.problem ?? null}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />
    </I18nextProvider>,
  );
  return { onSubmit, i18n, ...result };
}

describe('survey builder helpers', () => {
  it('moves a question up or down, and nowhere past the ends', () => {
    expect(moveQuestion(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveQuestion(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveQuestion(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveQuestion(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sends only the options of the kind, and reads a survey back into the form', () => {
    const form = formFromSurvey({
      id: 's1',
      key: 'evaluatie-abc',
      title: 'Evaluatie',
      programmeKey: 'gezondheidscoaches',
      programmeName: 'Gezondheidscoaches in bedrijven',
      editionId: null,
      editionYear: null,
      moment: 'AFTER_APPROVAL',
      status: 'PUBLISHED',
      opensOn: '2026-01-01',
      closesOn: null,
      currentVersion: 2,
      responseCount: 3,
      versions: [],
      questions: [
        {
          key: 'q2',
          text: 'Welke?',
          kind: 'CHOICE',
          required: false,
          options: { choices: ['A', 'B'] },
          componentKey: null,
          position: 2,
        },
        {
          key: 'q1',
          text: 'Hoe tevreden?',
          kind: 'SCALE',
          required: true,
          options: { min: 0, max: 10 },
          componentKey: null,
          position: 1,
        },
      ],
    });
    expect(surveyInput(form)).toEqual({
      title: 'Evaluatie',
      editionId: null,
      moment: 'AFTER_APPROVAL',
      opensOn: '2026-01-01',
      closesOn: null,
      questions: [
        {
          key: 'q1',
          text: 'Hoe tevreden?',
          kind: 'SCALE',
          required: true,
          componentKey: null,
          min: 0,
          max: 10,
        },
        {
          key: 'q2',
          text: 'Welke?',
          kind: 'CHOICE',
          required: false,
          componentKey: null,
          choices: ['A', 'B'],
        },
      ],
    });
  });

  it('translates the typed error by the field it names', () => {
    const i18n = createAdminI18n('en');
    const problem = translateProblem(
      {
        code: 'BAD_USER_INPUT',
        field: 'input.questions.1.choices',
        message: 'Give at least 2 choices',
      },
      i18n.getFixedT('en', 'admin'),
    );
    expect(problem).toMatchObject({
      local: true,
      field: 'input.questions.1.choices',
      message: 'Question 2: give at least two different choices.',
    });
  });
});

describe('survey builder form', () => {
  it('adds, reorders and removes questions with buttons, and sends them in order', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderBuilder();
    await user.type(screen.getByLabelText(/^Titel/), 'Tevredenheid na goedkeuring');
    await user.selectOptions(screen.getByLabelText(/^Moment van uitnodiging/), 'AFTER_APPROVAL');

    const first = screen.getByRole('group', { name: 'Vraag 1' });
    await user.type(within(first).getByLabelText(/^Vraagtekst/), 'Hoe tevreden bent u?');
    await user.click(within(first).getByLabelText('Verplicht te beantwoorden'));

    await user.click(screen.getByRole('button', { name: 'Vraag toevoegen' }));
    const second = screen.getByRole('group', { name: 'Vraag 2' });
    expect(within(second).getByLabelText(/^Vraagtekst/)).toHaveFocus();
    await user.type(within(second).getByLabelText(/^Vraagtekst/), 'Welke module?');
    await user.selectOptions(within(second).getByLabelText('Soort antwoord'), 'CHOICE');
    await user.type(within(second).getByLabelText(/^Keuzes/), 'Voeding, Beweging');

    await user.click(screen.getByRole('button', { name: 'Vraag toevoegen' }));
    await user.type(
      within(screen.getByRole('group', { name: 'Vraag 3' })).getByLabelText(/^Vraagtekst/),
      'Weg ermee',
    );
    await user.click(screen.getByRole('button', { name: 'Vraag 3 verwijderen' }));
    expect(screen.queryByRole('group', { name: 'Vraag 3' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Vraag toevoegen' })).toHaveFocus();

    // The choice question moves to the top; focus stays with it.
    await user.click(screen.getByRole('button', { name: 'Vraag 2 omhoog' }));
    expect(screen.getByRole('button', { name: 'Vraag 1 omlaag' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Vraag 1 omhoog' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Enquête aanmaken' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const sent = surveyInput(onSubmit.mock.calls[0]![0] as SurveyForm);
    expect(sent.moment).toBe('AFTER_APPROVAL');
    expect(sent.questions.map((q) => [q.text, q.kind, q.required])).toEqual([
      ['Welke module?', 'CHOICE', false],
      ['Hoe tevreden bent u?', 'SCALE', true],
    ]);
    expect(sent.questions[0]!.choices).toEqual(['Voeding', 'Beweging']);
  });

  it('shows the server’s typed error translated, beside the field it names', () => {
    renderBuilder({
      problem: {
        code: 'BAD_USER_INPUT',
        field: 'input.questions.0.text',
        message: 'Enter the question',
      },
    });
    const text = within(screen.getByRole('group', { name: 'Vraag 1' })).getByLabelText(
      /^Vraagtekst/,
    );
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription('Vraag 1: geef de vraag (minstens 3 tekens).');
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('refuses a scale that is not a whole number before sending', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderBuilder({}, 'en');
    const first = screen.getByRole('group', { name: 'Question 1' });
    await user.clear(within(first).getByLabelText('Highest value'));
    await user.type(within(first).getByLabelText('Highest value'), 'veel');
    await user.click(screen.getByRole('button', { name: 'Create survey' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(first).getByLabelText('Highest value')).toHaveAccessibleDescription(
      'Question 1: give whole numbers, the highest above the lowest (0 to 10).',
    );
  });
});
