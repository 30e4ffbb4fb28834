import { Alert } from '@werkgezond/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** One-off messages a page hands to the next one in the history entry's state. */
export type NoticeKey =
  | 'submitted'
  | 'draftSaved'
  | 'withdrawn'
  | 'dossierSubmitted'
  | 'profileSaved';

interface NoticeState {
  notice: NoticeKey;
  at: number;
}

/** How long a notice stays meaningful: long enough to survive a remount by the shell. */
const FRESH_MS = 15_000;

/** The history state that carries a notice to the next page (pass it to navigate). */
export function noticeState(notice: NoticeKey): NoticeState {
  return { notice, at: Date.now() };
}

/**
 * The success message of the action that led here. It rides in the history entry's state, so
 * it survives the shell mounting the portal again (after a profile change), but it is not
 * shown again when the page is reloaded later.
 */
export function NoticeBanner() {
  const { t } = useTranslation('portal');
  const location = useLocation();
  const state = location.state as Partial<NoticeState> | null;
  const [now] = useState(() => Date.now());
  if (!state?.notice || !state.at || now - state.at > FRESH_MS) return null;
  return <Alert variant="success">{t(`notices.${state.notice}`)}</Alert>;
}
