import { useStageLabel } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';

const POSITIVE = new Set(['APPROVED', 'COMPLETED', 'PARTICIPATED']);

export interface StageBadgeProps {
  stage: { key: string; label: string; kind: string } | null | undefined;
}

/** The current stage in words; the colour only repeats what the words say. */
export function StageBadge({ stage }: StageBadgeProps) {
  const { t } = useTranslation('portal');
  const stageLabel = useStageLabel();
  if (!stage) return <span className="wg-badge wg-badge--draft">{t('applications.noStage')}</span>;
  const variant =
    stage.kind === 'EXIT' ? 'wg-badge--exit' : POSITIVE.has(stage.key) ? 'wg-badge--positive' : '';
  return (
    <span className={['wg-badge', variant].filter(Boolean).join(' ')}>{stageLabel(stage)}</span>
  );
}
