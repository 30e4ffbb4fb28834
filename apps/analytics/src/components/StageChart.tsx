import { chartPalette, useFormat } from '@werkgezond/ui';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface StageDatum {
  key: string;
  label: string;
  kind: 'STEP' | 'EXIT';
  count: number;
}

export interface StageChartProps {
  data: readonly StageDatum[];
  /** What the chart shows, for people who cannot see it; the table beside it has the numbers. */
  description: string;
}

// Okabe–Ito: steps in blue, exits in vermillion; each bar is also labelled with its count, and
// the table names the kind, so colour is never the only signal.
const STEP_COLOUR = chartPalette[0];
const EXIT_COLOUR = chartPalette[5];

/** Horizontal bars: long Dutch stage labels stay readable on a laptop screen. */
export function StageChart({ data, description }: StageChartProps) {
  const format = useFormat();
  const height = Math.max(160, data.length * 44 + 40);
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={description} style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%" minWidth={240}>
          <BarChart data={[...data]} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
            <CartesianGrid horizontal={false} stroke="#d4dae0" />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => format.number(v)} stroke="#4a5460" />
            <YAxis type="category" dataKey="label" width={170} stroke="#4a5460" tick={{ fill: '#1b1f24', fontSize: 13 }} />
            <Tooltip formatter={(value) => format.number(Number(value))} />
            <Bar dataKey="count" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.key} fill={d.kind === 'EXIT' ? EXIT_COLOUR : STEP_COLOUR} />
              ))}
              <LabelList dataKey="count" position="right" formatter={(v: unknown) => format.number(Number(v))} fill="#1b1f24" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
