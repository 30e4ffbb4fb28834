import { Navigate } from 'react-router';
import { homePath } from '../navigation/apps';
import { RequireViewer } from '../session/RequireViewer';

/** "/" goes to the app that fits the signed-in user's roles (or to sign-in). */
export function HomeRedirect() {
  return (
    <RequireViewer>{(viewer) => <Navigate to={homePath(viewer.roles)} replace />}</RequireViewer>
  );
}
