import { useTranslation } from 'react-i18next';

export interface SkipLinkProps {
  /** id of the element to jump to (the <main>, which has tabIndex=-1). */
  targetId?: string;
  label?: string;
}

/** The first focusable element of the page: jumps past the navigation to the content. */
export function SkipLink({ targetId = 'main', label }: SkipLinkProps) {
  const { t } = useTranslation('ui');
  return (
    <a
      className="wg-skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        // Move focus without changing the URL (the router owns it).
        event.preventDefault();
        target.focus();
        target.scrollIntoView?.();
      }}
    >
      {label ?? t('skipToContent')}
    </a>
  );
}
