import { chartPalette } from '@werkgezond/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const TEXT = '#1b1f24';
const AXIS = '#4a5460';
const GRID = '#d4dae0';

export interface BarSeries {
  /** Field of each data row with this series' value. */
  key: string;
  /** Name in the legend and tooltip. */
  name: string;
  /** Okabe–Ito colour; by default the series' position in the palette. */
  color?: string;
  stackId?: string;
  /** Field with [below, above] distances from the value: drawn as an interval bar. */
  errorKey?: string;
  /** Field with a text written at the end of each bar (e.g. "196 (100%)"). */
  labelKey?: string;
  /** An invisible bar (offset of a timeline); left out of legend and tooltip. */
  transparent?: boolean;
}

export interface BarsChartProps {
  data: readonly Record<string, unknown>[];
  /** Field naming each category (axis labels). */
  categoryKey: string;
  series: readonly BarSeries[];
  /** 'horizontal' = bars go sideways, categories listed top to bottom. */
  orientation?: 'vertical' | 'horizontal';
  /** Formats values on the axis and in the tooltip. */
  formatValue: (value: number) => string;
  /** Fixed value axis, e.g. [0, 1] for rates. */
  domain?: [number | 'auto', number | 'auto'];
  referenceLine?: { value: number; label: string };
  /** Width reserved for category labels on a sideways chart. */
  categoryWidth?: number;
  legend?: boolean;
  /** Off where the values are not meaningful on their own (a timeline's offsets). */
  tooltip?: boolean;
  /** Room right of the bars for their labels. */
  labelRoom?: number;
}

/**
 * Grouped, stacked or sideways bars in the Okabe–Ito colours, with optional interval bars and
 * labels. It is always drawn inside a ChartFrame (role="img" with a description) and next to a
 * table with the same numbers; Recharts' own keyboard layer is off for that reason.
 */
export default function BarsChart({
  data,
  categoryKey,
  series,
  orientation = 'vertical',
  formatValue,
  domain,
  referenceLine,
  categoryWidth = 160,
  legend = series.filter((s) => !s.transparent).length > 1,
  labelRoom = 0,
  tooltip = true,
}: BarsChartProps) {
  const sideways = orientation === 'horizontal';
  const valueAxisProps = {
    type: 'number' as const,
    tickFormatter: (v: number) => formatValue(v),
    stroke: AXIS,
    tick: { fill: TEXT, fontSize: 13 },
    ...(domain ? { domain, allowDataOverflow: true } : {}),
    allowDecimals: true,
  };
  const categoryAxisProps = {
    type: 'category' as const,
    dataKey: categoryKey,
    stroke: AXIS,
    tick: { fill: TEXT, fontSize: 13 },
    interval: 0 as const,
  };
  return (
    <ResponsiveContainer
      width="100%"
      height="100%"
      minWidth={240}
      initialDimension={{ width: 640, height: 300 }}
    >
      <BarChart
        data={data as Record<string, unknown>[]}
        layout={sideways ? 'vertical' : 'horizontal'}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16 + labelRoom, bottom: 8, left: 8 }}
        barCategoryGap="20%"
      >
        <CartesianGrid vertical={sideways} horizontal={!sideways} stroke={GRID} />
        {sideways ? (
          <>
            <XAxis {...valueAxisProps} />
            <YAxis {...categoryAxisProps} width={categoryWidth} />
          </>
        ) : (
          <>
            <XAxis {...categoryAxisProps} />
            <YAxis {...valueAxisProps} width={88} />
          </>
        )}
        {tooltip ? (
          <Tooltip
            formatter={(value, name) => [
              Array.isArray(value)
                ? value.map(Number).map(formatValue).join('–')
                : formatValue(Number(value)),
              name,
            ]}
            filterNull
          />
        ) : null}
        {legend ? (
          <Legend
            itemSorter={null}
            formatter={(value) => <span style={{ color: TEXT }}>{value}</span>}
          />
        ) : null}
        {referenceLine ? (
          <ReferenceLine
            {...(sideways ? { y: undefined, x: referenceLine.value } : { y: referenceLine.value })}
            stroke={TEXT}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: referenceLine.label, fill: TEXT, position: 'top', fontSize: 13 }}
          />
        ) : null}
        {series.map((s, index) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={
              s.transparent ? 'transparent' : (s.color ?? chartPalette[index % chartPalette.length])
            }
            stackId={s.stackId}
            isAnimationActive={false}
            legendType={s.transparent ? 'none' : 'rect'}
            tooltipType={s.transparent ? 'none' : undefined}
          >
            {s.errorKey ? (
              <ErrorBar
                dataKey={s.errorKey}
                width={6}
                strokeWidth={2}
                stroke={TEXT}
                direction={sideways ? 'x' : 'y'}
              />
            ) : null}
            {s.labelKey ? (
              <LabelList
                dataKey={s.labelKey}
                position={sideways ? 'right' : 'top'}
                fill={TEXT}
                fontSize={13}
              />
            ) : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
