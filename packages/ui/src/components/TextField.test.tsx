import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test/render';
import { TextField } from './TextField';

describe('TextField', () => {
  it('labels the input and marks required fields in words', () => {
    renderWithI18n(<TextField label="E-mailadres" name="email" type="email" required />);
    const input = screen.getByLabelText(/E-mailadres/);
    expect(input).toHaveAttribute('type', 'email');
    expect(input).toBeRequired();
    expect(screen.getByText('(verplicht)')).toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('ties hint and error to the input with aria-describedby and marks it invalid', () => {
    renderWithI18n(
      <TextField
        label="KBO-nummer"
        name="kbo"
        hint="Tien cijfers"
        error="Dit KBO-nummer klopt niet"
      />,
    );
    const input = screen.getByRole('textbox', { name: 'KBO-nummer' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Tien cijfers Dit KBO-nummer klopt niet');
  });

  it('uses the given id so a server error can focus the field', () => {
    renderWithI18n(<TextField id="sign-in-email" label="E-mail" name="email" />);
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('id', 'sign-in-email');
  });
});
