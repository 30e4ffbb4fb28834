import { useApolloClient, useMutation } from '@apollo/client/react';
import { SignOutDocument } from '@werkgezond/graphql-client';
import { AppFooter, AppFrame, AppHeader, Button, Main, PrimaryNav, SkipLink } from '@werkgezond/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigationType } from 'react-router';
import {
  ADMIN_PATHS,
  APP_PATHS,
  appsForRoles,
  isAdmin,
  SIGN_IN_PATH,
  SIGN_UP_PATH,
} from '../navigation/apps';
import { forgetSession } from '../session/session';
import { useViewer } from '../session/useViewer';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Moves focus to <main> after a page change the user asked for (a link, back and forward), as
 * a full page load would, so screen readers start at the new content. Redirects (REPLACE)
 * and the first render leave focus alone.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page (pathname) changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType !== 'REPLACE') document.getElementById('main')?.focus();
  }, [pathname]);
}

export function ShellLayout() {
  const { t } = useTranslation('shell');
  const { viewer } = useViewer();
  const client = useApolloClient();
  const [signOut, { loading: signingOut }] = useMutation(SignOutDocument);
  useFocusMainOnNavigation();
  const apps = viewer ? appsForRoles(viewer.roles) : [];
  const admin = viewer ? isAdmin(viewer.roles) : false;

  const onSignOut = async () => {
    try {
      await signOut();
    } finally {
      // Even if the request failed, forget the session locally; the cookie expires on its own.
      await forgetSession(client, SIGN_IN_PATH);
    }
  };

  return (
    <AppFrame>
      <SkipLink />
      <AppHeader
        brand={
          <Link to="/" aria-label={t('brandHome')}>
            {t('brand')}
          </Link>
        }
        navigation={
          apps.length > 0 || admin ? (
            <PrimaryNav label={t('nav.label')}>
              {apps.map((app) => (
                <li key={app}>
                  <NavLink to={APP_PATHS[app]} className="wg-nav__link">
                    {t(`nav.${app}`)}
                  </NavLink>
                </li>
              ))}
              {admin ? (
                <li>
                  <NavLink to={ADMIN_PATHS.researchKeys} className="wg-nav__link">
                    {t('nav.researchKeys')}
                  </NavLink>
                </li>
              ) : null}
              {admin ? (
                <li>
                  <NavLink to={ADMIN_PATHS.sentMessages} className="wg-nav__link">
                    {t('nav.sentMessages')}
                  </NavLink>
                </li>
              ) : null}
            </PrimaryNav>
          ) : null
        }
        actions={
          <>
            <LanguageSwitch />
            {viewer ? (
              <>
                <span>{t('nav.signedInAs', { name: viewer.displayName })}</span>
                <Button variant="secondary" onClick={onSignOut} busy={signingOut}>
                  {t('nav.signOut')}
                </Button>
              </>
            ) : (
              <>
                <NavLink to={SIGN_IN_PATH} className="wg-nav__link">
                  {t('nav.signIn')}
                </NavLink>
                <NavLink to={SIGN_UP_PATH} className="wg-nav__link">
                  {t('nav.signUp')}
                </NavLink>
              </>
            )}
          </>
        }
      />
      <Main>
        <Outlet />
      </Main>
      <AppFooter>{t('footer')}</AppFooter>
    </AppFrame>
  );
}
