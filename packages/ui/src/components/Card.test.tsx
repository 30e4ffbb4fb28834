import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Card } from './Card';

describe('Card', () => {
  it('as a section is a region named by its title', () => {
    render(
      <Card title="NV Gezond" asSection>
        inhoud
      </Card>,
    );
    expect(screen.getByRole('region', { name: 'NV Gezond' })).toHaveTextContent('inhoud');
  });

  it('is a plain box otherwise', () => {
    render(<Card title="Titel">inhoud</Card>);
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Titel' })).toBeInTheDocument();
  });
});
