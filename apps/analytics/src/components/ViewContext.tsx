import type { ReactNode } from 'react';

/** What the figures below are: programme, "as of" date, unit, editions, filters. */
export function ViewContext({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="an-context">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}:</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
