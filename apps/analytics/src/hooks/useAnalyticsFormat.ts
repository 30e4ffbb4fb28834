import { useFormat } from '@werkgezond/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface RateLike {
  value?: number | null;
  lower?: number | null;
  upper?: number | null;
}

/**
 * Formatting of the statistics the API returns (it computes them; the browser only writes
 * them out): rates with their Wilson interval, p-values, days and differences.
 */
export function useAnalyticsFormat() {
  const format = useFormat();
  const { t } = useTranslation('analytics');
  return useMemo(() => {
    const percent = (ratio: number | null | undefined, digits = 1) =>
      ratio == null ? '–' : format.percent(ratio, digits);
    return {
      ...format,
      count: (n: number | null | undefined) => (n == null ? '–' : format.number(n)),
      percent,
      /** 92,3% (87,8–95,3%) */
      rate: (rate: RateLike | null | undefined) =>
        rate?.value == null
          ? '–'
          : rate.lower != null && rate.upper != null
            ? t('format.rateWithInterval', {
                value: percent(rate.value),
                lower: format.number(rate.lower * 100, {
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1,
                }),
                upper: percent(rate.upper),
              })
            : percent(rate.value),
      days: (days: number | null | undefined) =>
        days == null ? '–' : t('format.days', { count: days, value: format.number(days) }),
      /** p < 0,001 or p = 0,431 */
      pValue: (p: number | null | undefined) =>
        p == null
          ? '–'
          : p < 0.001
            ? t('format.pBelow', { value: format.number(0.001) })
            : t('format.pEquals', {
                value: format.number(p, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
              }),
      /** +9,5 procentpunten */
      points: (difference: number | null | undefined) =>
        difference == null
          ? '–'
          : t('format.points', {
              value: format.number(difference * 100, {
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
                signDisplay: 'exceptZero',
              }),
            }),
    };
  }, [format, t]);
}

export type AnalyticsFormat = ReturnType<typeof useAnalyticsFormat>;
