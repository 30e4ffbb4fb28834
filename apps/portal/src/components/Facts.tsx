import type { ReactNode } from 'react';

export interface Fact {
  term: string;
  value: ReactNode;
}

/** Key facts as a definition list. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="wg-facts">
      {facts.map((fact) => (
        <div key={fact.term} style={{ display: 'contents' }}>
          <dt>{fact.term}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
