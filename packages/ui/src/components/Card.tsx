import { type ReactNode, useId } from 'react';

export interface CardProps {
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  className?: string;
  /** Renders as a <section> named by its title: a region landmark to navigate by. */
  asSection?: boolean;
}

export function Card({
  title,
  headingLevel = 2,
  children,
  className,
  asSection = false,
}: CardProps) {
  const Heading = `h${headingLevel}` as const;
  const headingId = `card-${useId()}`;
  const classes = ['wg-card', className ?? ''].filter(Boolean).join(' ');
  const content = (
    <>
      {title ? (
        <Heading id={headingId} className="wg-card__title">
          {title}
        </Heading>
      ) : null}
      {children}
    </>
  );
  return asSection ? (
    <section className={classes} aria-labelledby={title ? headingId : undefined}>
      {content}
    </section>
  ) : (
    <div className={classes}>{content}</div>
  );
}
