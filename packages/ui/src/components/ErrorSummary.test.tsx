import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary';

describe('ErrorSummary', () => {
  it('takes focus and links each problem to its field', async () => {
    render(
      <>
        <ErrorSummary
          title="Controleer het formulier"
          errors={[{ fieldId: 'kbo', message: 'Dit KBO-nummer klopt niet' }]}
        />
        <label htmlFor="kbo">KBO-nummer</label>
        <input id="kbo" />
      </>,
    );
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Dit KBO-nummer klopt niet' }));
    expect(screen.getByLabelText('KBO-nummer')).toHaveFocus();
  });

  it('renders nothing without errors', () => {
    const { container } = render(<ErrorSummary title="x" errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
