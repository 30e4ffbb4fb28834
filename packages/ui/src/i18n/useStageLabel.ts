import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Stages are data: the API sends each stage's Dutch label. English names for the known stage
 * keys live in the ui catalogue; an unknown stage shows the API's label in every language.
 */
export function useStageLabel(): (stage: { key: string; label: string }) => string {
  const { t, i18n } = useTranslation('ui');
  return useCallback(
    (stage) =>
      i18n.language === 'nl-BE'
        ? stage.label
        : t(`stages.${stage.key}`, { defaultValue: stage.label }),
    [t, i18n.language],
  );
}
