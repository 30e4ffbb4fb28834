import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isAdmin, useViewer } from '../ViewerContext';

/** The back office's own pages for the viewer's role, under the shell's main navigation. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  const viewer = useViewer();
  const links = [
    { to: '/', label: t('nav.programmes'), end: true },
    { to: '/coaches', label: t('nav.coaches'), end: false },
    { to: '/enquetes', label: t('nav.surveys'), end: false },
  ];
  if (isAdmin(viewer)) {
    links.push(
      { to: '/gebruikers', label: t('nav.users'), end: false },
      { to: '/kanalen', label: t('nav.referrals'), end: false },
      { to: '/audit', label: t('nav.audit'), end: false },
    );
  }
  return (
    <nav className="wg-admin-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
