import { OKABE_ITO } from '@werkgezond/ui';
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

const TEXT = '#1b1f24';

export interface DomainChartProps {
  rows: { domain: string; score: number; previous: number | null }[];
  scoreName: string;
  /** Null without a previous scan: one series only. */
  previousName: string | null;
}

/** Domain scores (0–100) as sideways bars, with the previous scan beside them when there is one. */
export default function DomainChart({ rows, scoreName, previousName }: DomainChartProps) {
  return (
    <ResponsiveContainer
      width="100%"
      height="100%"
      minWidth={240}
      initialDimension={{ width: 640, height: 360 }}
    >
      <BarChart
        data={rows}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#d4dae0" />
        <XAxis
          type="number"
          domain={[0, 100]}
          stroke="#4a5460"
          tick={{ fill: '#1b1f24', fontSize: 13 }}
        />
        <YAxis
          type="category"
          dataKey="domain"
          width={200}
          interval={0}
          stroke="#4a5460"
          tick={{ fill: '#1b1f24', fontSize: 13 }}
        />
        {/* Dark text in the tooltip and legend: the light bar colour is too pale for text. */}
        <Tooltip itemStyle={{ color: TEXT }} />
        {previousName ? (
          <Legend formatter={(value) => <span style={{ color: TEXT }}>{value}</span>} />
        ) : null}
        {previousName ? (
          <Bar
            dataKey="previous"
            name={previousName}
            fill={OKABE_ITO.skyBlue}
            isAnimationActive={false}
          />
        ) : null}
        <Bar dataKey="score" name={scoreName} fill={OKABE_ITO.blue} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
