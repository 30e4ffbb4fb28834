import { Spinner } from '@werkgezond/ui';
import { lazy, Suspense } from 'react';
import type { BarsChartProps } from '../charts/BarsChart';

// Recharts is the biggest dependency: it loads after the figures, in its own chunk.
const BarsChart = lazy(() => import('../charts/BarsChart'));

export interface ChartProps extends BarsChartProps {
  /** What the chart shows, for people who cannot see it; the table beside it has the numbers. */
  description: string;
  height?: number;
}

/** A chart as an image with a text alternative; its numbers are always in a table nearby. */
export function Chart({ description, height = 300, ...chart }: ChartProps) {
  return (
    <div role="img" aria-label={description} className="an-chart" style={{ height }}>
      <Suspense fallback={<Spinner hideLabel />}>
        <BarsChart {...chart} />
      </Suspense>
    </div>
  );
}
