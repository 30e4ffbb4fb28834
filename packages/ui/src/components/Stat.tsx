import type { ReactNode } from 'react';

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
}

/** A headline figure: the label comes first in the DOM (read first), the value shows large. */
export function Stat({ label, value }: StatProps) {
  return (
    <div className="wg-stat">
      <span className="wg-stat__label">{label}</span>
      <span className="wg-stat__value">{value}</span>
    </div>
  );
}
