import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  className?: string;
  /** Renders as a <section> labelled by its title (a landmark) when true. */
  asSection?: boolean;
}

export function Card({ title, headingLevel = 2, children, className, asSection = false }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  const classes = ['wg-card', className ?? ''].filter(Boolean).join(' ');
  const content = (
    <>
      {title ? <Heading className="wg-card__title">{title}</Heading> : null}
      {children}
    </>
  );
  return asSection ? <section className={classes}>{content}</section> : <div className={classes}>{content}</div>;
}
