import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  /** Heading level of the title, so it fits the page outline (default h2). */
  headingLevel?: 2 | 3 | 4;
}

export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="wg-empty">
      <Heading className="wg-empty__title">{title}</Heading>
      {children ? <div>{children}</div> : null}
      {action ? <div style={{ marginTop: 'var(--wg-space-4)' }}>{action}</div> : null}
    </div>
  );
}
