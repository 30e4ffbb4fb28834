import { useQuery } from '@apollo/client/react';
import type { FunnelDimension, FunnelUnit } from '@werkgezond/graphql-client';
import { AnalyticsChannelOptionsDocument } from '@werkgezond/graphql-client';
import { useTranslation } from 'react-i18next';
import type { SegmentState } from '../components/Filters';
import { useAnalyticsFormat } from './useAnalyticsFormat';

export interface ContextInput {
  programmeName: string;
  asOf?: string | null;
  unit?: FunnelUnit;
  years?: readonly number[];
  breakdown?: readonly FunnelDimension[];
  segments?: SegmentState;
}

/** The "what am I looking at" line above the figures, and the same as one sentence. */
export function useViewDescription({
  programmeName,
  asOf,
  unit,
  years,
  breakdown,
  segments,
}: ContextInput) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const channels = useQuery(AnalyticsChannelOptionsDocument, { skip: !segments?.channels.length });
  const channelName = (key: string) =>
    channels.data?.outreachChannels.find((c) => c.key === key)?.name ?? key;
  const items: { label: string; value: string }[] = [
    { label: t('filters.programme'), value: programmeName },
  ];
  if (asOf !== undefined)
    items.push({
      label: t('context.asOf'),
      value: asOf ? f.date(asOf, 'long') : t('context.allData'),
    });
  if (unit) items.push({ label: t('filters.unit'), value: t(`units.${unit}`) });
  if (years)
    items.push({
      label: t('filters.years'),
      value: years.length ? years.join(', ') : t('context.allYears'),
    });
  if (breakdown?.length)
    items.push({
      label: t('context.breakdown'),
      value: breakdown.map((d) => t(`dimensions.${d}`)).join(' × '),
    });
  if (segments) {
    const parts: string[] = [];
    if (segments.channels.length)
      parts.push(`${t('dimensions.CHANNEL')}: ${segments.channels.map(channelName).join(', ')}`);
    if (segments.sizeClasses.length)
      parts.push(
        `${t('dimensions.SIZE_CLASS')}: ${segments.sizeClasses.map((s) => t(`sizeClasses.${s}`)).join(', ')}`,
      );
    if (segments.registrationTypes.length)
      parts.push(
        `${t('dimensions.REGISTRATION_TYPE')}: ${segments.registrationTypes.map((s) => t(`registrationTypes.${s}`)).join(', ')}`,
      );
    if (segments.committee.length)
      parts.push(
        `${t('dimensions.HAS_PREVENTION_COMMITTEE')}: ${segments.committee.map((c) => t(`committee.${c}`)).join(', ')}`,
      );
    if (segments.provinces.length)
      parts.push(`${t('dimensions.PROVINCE')}: ${segments.provinces.join(', ')}`);
    if (segments.sectors.length)
      parts.push(`${t('dimensions.SECTOR')}: ${segments.sectors.join(', ')}`);
    items.push({
      label: t('context.filters'),
      value: parts.length ? parts.join('; ') : t('context.none'),
    });
  }
  // The same in one line for captions and chart descriptions: only what narrows the view.
  const parts = [programmeName];
  if (asOf !== undefined)
    parts.push(
      asOf ? t('context.asOfSentence', { date: f.date(asOf, 'long') }) : t('context.allData'),
    );
  if (unit) parts.push(t(`units.${unit}`).toLowerCase());
  if (years?.length) parts.push(t('context.yearsSentence', { years: years.join(', ') }));
  const filterItem = items.find((i) => i.label === t('context.filters'));
  if (filterItem && filterItem.value !== t('context.none')) parts.push(filterItem.value);
  const sentence = parts.join(', ');
  return { items, sentence };
}
