import type { FunnelDimension } from '@werkgezond/graphql-client';
import { useStageLabel } from '@werkgezond/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const TRANSLATED: Partial<Record<FunnelDimension, string>> = {
  SIZE_CLASS: 'sizeClasses',
  REGISTRATION_TYPE: 'registrationTypes',
  HAS_PREVENTION_COMMITTEE: 'committee',
};

/**
 * Names of breakdown values. The API sends Dutch labels; in English the values with a fixed
 * meaning (size class, registration type, committee) are translated, editions are their year,
 * and names (channels, provinces, sectors, providers) stay as they are.
 */
export function useGroupLabel() {
  const { t, i18n } = useTranslation('analytics');
  return useCallback(
    (key: { dimension: FunnelDimension; key?: string | null; label: string }) => {
      if (key.key == null) return t('unknown');
      if (key.dimension === 'EDITION') return key.key;
      const catalogue = TRANSLATED[key.dimension];
      if (catalogue && i18n.language !== 'nl-BE')
        return t(`${catalogue}.${key.key}`, { defaultValue: key.label });
      return key.label;
    },
    [t, i18n.language],
  );
}

/** Stage names: the API's Dutch label, translated by key in English. */
export function useStageName() {
  const label = useStageLabel();
  return useCallback(
    (stage: { stage: string; label: string }) => label({ key: stage.stage, label: stage.label }),
    [label],
  );
}

/** Names of drop-off and rejection reasons: Dutch from the API, translated by code in English. */
export function useReasonLabel() {
  const { t, i18n } = useTranslation('analytics');
  return useCallback(
    (reason: { reason?: string | null; label: string }) =>
      i18n.language === 'nl-BE' || !reason.reason
        ? reason.reason
          ? reason.label
          : t('noReason')
        : t(`reasonCodes.${reason.reason}`, { defaultValue: reason.label }),
    [t, i18n.language],
  );
}
