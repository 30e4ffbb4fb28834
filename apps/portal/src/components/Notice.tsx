import { Alert } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** One-off messages a page hands to the next one in the history entry's state. */
export type NoticeKey =
  | 'submitted'
  | 'draftSaved'
  | 'withdrawn'
  | 'dossierSaved'
  | 'dossierSubmitted'
  | 'profileSaved'
  | 'surveySaved';

export function useNotice(): NoticeKey | null {
  const location = useLocation();
  const state = location.state as { notice?: NoticeKey } | null;
  return state?.notice ?? null;
}

/** The success message of the action that led here (kept in history state across a remount). */
export function NoticeBanner() {
  const { t } = useTranslation('portal');
  const notice = useNotice();
  if (!notice) return null;
  return <Alert variant="success">{t(`notices.${notice}`)}</Alert>;
}
