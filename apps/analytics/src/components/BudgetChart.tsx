import type { BudgetChart_MoneyFragment } from '@werkgezond/graphql-client';
import { chartPalette, useFormat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface BudgetChartProps {
  rows: readonly BudgetChart_MoneyFragment[];
  /** What the chart shows, for people who cannot see it; the table beside it has the amounts. */
  description: string;
}

const ALLOCATED = chartPalette[0]; // Okabe–Ito blue
const SPENT = chartPalette[1]; // Okabe–Ito orange

/** Allocated against spent per year; amounts arrive in cents and are shown in euro. */
export default function BudgetChart({ rows, description }: BudgetChartProps) {
  const { t } = useTranslation('analytics');
  const format = useFormat();
  // Compact axis labels (€ 3 mln., €3M); the table beside the chart has the exact amounts.
  const euros = (cents: number) =>
    format.number(cents / 100, {
      style: 'currency',
      currency: 'EUR',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
  const data = rows.map((row) => ({
    year: row.key === 'all' ? t('overview.allYears') : row.key,
    allocated: row.allocatedCents,
    spent: row.spentCents,
  }));
  return (
    <div role="img" aria-label={description} style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        minWidth={240}
        initialDimension={{ width: 640, height: 280 }}
      >
        <BarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid vertical={false} stroke="#d4dae0" />
          <XAxis dataKey="year" stroke="#4a5460" tick={{ fill: '#1b1f24' }} />
          <YAxis
            tickFormatter={(v: number) => euros(v)}
            stroke="#4a5460"
            tick={{ fill: '#1b1f24' }}
            width={96}
          />
          <Tooltip formatter={(value) => format.money(Number(value))} />
          {/* Legend text in the body colour: the orange swatch alone is too light for text. */}
          <Legend formatter={(value) => <span style={{ color: '#1b1f24' }}>{value}</span>} />
          <Bar
            dataKey="allocated"
            name={t('overview.allocated')}
            fill={ALLOCATED}
            isAnimationActive={false}
          />
          <Bar dataKey="spent" name={t('overview.spent')} fill={SPENT} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
