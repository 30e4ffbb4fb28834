import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test/render';
import { Spinner } from './Spinner';

describe('Spinner', () => {
  it('has an accessible default label in the current language', () => {
    renderWithI18n(<Spinner />, 'nl-BE');
    expect(screen.getByRole('status')).toHaveTextContent('Bezig met laden…');
  });

  it('speaks English when asked and keeps a hidden label in the accessibility tree', () => {
    renderWithI18n(<Spinner label="Loading applications" hideLabel />, 'en');
    expect(screen.getByRole('status')).toHaveTextContent('Loading applications');
    expect(screen.getByText('Loading applications')).toHaveClass('wg-visually-hidden');
  });
});
