import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button';

describe('Button', () => {
  it('is a plain button by default so it never submits a form by accident', () => {
    render(<Button>Opslaan</Button>);
    expect(screen.getByRole('button', { name: 'Opslaan' })).toHaveAttribute('type', 'button');
  });

  it('does not act while busy but stays focusable', async () => {
    const onClick = vi.fn();
    render(
      <Button busy onClick={onClick}>
        Verzenden
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Verzenden' });
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).not.toBeDisabled();
  });
});
