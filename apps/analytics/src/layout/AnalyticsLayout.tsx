import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { analyticsCss } from './styles';

/** The analytics pages, in the order an analyst works through a question. */
export const ANALYTICS_PAGES = [
  { path: '', key: 'overview' },
  { path: 'trechter', key: 'funnel' },
  { path: 'cohorten', key: 'cohorts' },
  { path: 'kanalen', key: 'channels' },
  { path: 'budget', key: 'budget' },
  { path: 'doorlooptijd', key: 'leadTime' },
  { path: 're-aim', key: 'reAim' },
  { path: 'antwoord', key: 'answer' },
] as const;

/**
 * The frame of every analytics page: a section navigation that keeps the chosen programme
 * when moving between pages (the other filters belong to the page they were set on).
 */
export function AnalyticsLayout() {
  const { t } = useTranslation('analytics');
  const [search] = useSearchParams();
  const programme = search.get('programme');
  const query = programme ? `?${new URLSearchParams({ programme })}` : '';
  return (
    <>
      <style href="werkgezond-analytics" precedence="default">
        {analyticsCss}
      </style>
      <nav className="an-subnav" aria-label={t('nav.label')}>
        <ul>
          {ANALYTICS_PAGES.map((page) => (
            <li key={page.key}>
              <NavLink to={`/${page.path}${query}`} end>
                {t(`nav.${page.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
