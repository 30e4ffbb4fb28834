import { type ReactNode, useId } from 'react';

export interface ChartSectionProps {
  title: string;
  /** A sentence on what the section answers. */
  lead?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Table under the chart (wide tables) instead of beside it. */
  stacked?: boolean;
  /** 3 inside another section. */
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

/**
 * A titled section with a chart and the same numbers as a table, beside each other on a wide
 * screen and one under the other on a narrow one.
 */
export function ChartSection({
  title,
  lead,
  chart,
  table,
  stacked = false,
  headingLevel = 2,
  children,
}: ChartSectionProps) {
  const id = `section-${useId()}`;
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="an-section" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {lead ? <p className="an-lead">{lead}</p> : null}
      <div className={stacked ? 'an-stacked' : 'an-chart-table'}>
        {chart}
        {table}
      </div>
      {children}
    </section>
  );
}
