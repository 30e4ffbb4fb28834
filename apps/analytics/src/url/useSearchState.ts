import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ParamSpec, type ParamValues, readParams, writeParams } from './params';

export interface SetSearchStateOptions {
  /** Replace the history entry instead of adding one (for corrections, not user choices). */
  replace?: boolean;
}

/**
 * A page's filters as typed values read from the URL, and a setter that writes a patch back.
 * The URL is the only store: reloading, sharing or going back reproduces the view.
 */
export function useSearchState<S extends ParamSpec>(
  spec: S,
): [ParamValues<S>, (patch: Partial<ParamValues<S>>, options?: SetSearchStateOptions) => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the identity of the values
  const values = useMemo(() => readParams(spec, search), [spec, key]);
  const update = useCallback(
    (patch: Partial<ParamValues<S>>, options: SetSearchStateOptions = {}) => {
      setSearch(
        (current) => writeParams(spec, { ...readParams(spec, current), ...patch }, current),
        { replace: options.replace ?? false, preventScrollReset: true },
      );
    },
    [spec, setSearch],
  );
  return [values, update];
}
