import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Alert } from './Alert';

describe('Alert', () => {
  it('announces errors at once with role=alert', () => {
    render(
      <Alert variant="error" title="Aanmelden mislukt">
        Verkeerd wachtwoord
      </Alert>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Aanmelden mislukt');
    expect(screen.getByRole('alert')).toHaveTextContent('Verkeerd wachtwoord');
  });

  it('announces other messages politely with role=status', () => {
    render(<Alert variant="success">Opgeslagen</Alert>);
    expect(screen.getByRole('status')).toHaveTextContent('Opgeslagen');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders actions under the message', () => {
    render(<Alert variant="error" actions={<button type="button">Opnieuw</button>} />);
    expect(screen.getByRole('button', { name: 'Opnieuw' })).toBeInTheDocument();
  });
});
