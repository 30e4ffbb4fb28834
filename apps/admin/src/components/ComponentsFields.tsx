import type { ComponentKind, ProgrammeComponentInput } from '@werkgezond/graphql-client';
import { Button, SelectField, TextField } from '@werkgezond/ui';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One component as the form edits it; `uid` keeps React's key stable while rows change. */
export interface ComponentRow {
  uid: string;
  key: string;
  kind: ComponentKind;
  name: string;
  description: string;
}

export const COMPONENT_KINDS: ComponentKind[] = [
  'COACHING',
  'TOOLBOX',
  'AWARD',
  'PROCESS_GUIDANCE',
];

let nextUid = 0;
const uid = () => {
  nextUid += 1;
  return `component-${nextUid}`;
};

export const emptyComponent = (): ComponentRow => ({
  uid: uid(),
  key: '',
  kind: 'COACHING',
  name: '',
  description: '',
});

export function componentsFromProgramme(
  components: readonly { key: string; kind: ComponentKind; name: string; description: string }[],
): ComponentRow[] {
  return components.map((c) => ({ uid: uid(), ...c }));
}

/** What the API takes, in the order shown (that order is the components' position). */
export function componentsInput(rows: readonly ComponentRow[]): ProgrammeComponentInput[] {
  return rows.map((r) => ({
    key: r.key.trim(),
    kind: r.kind,
    name: r.name.trim(),
    description: r.description.trim(),
  }));
}

/**
 * The parts of a programme (coaching, toolbox, award, process guidance), each with a key, kind,
 * name and description. `fieldError` gives the server's message for e.g. `components.0.key`.
 */
export function ComponentsFields({
  value,
  onChange,
  fieldError,
}: {
  value: ComponentRow[];
  onChange: (next: ComponentRow[]) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useTranslation('admin');
  const legend = useRef<HTMLLegendElement>(null);
  const update = (index: number, patch: Partial<ComponentRow>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    // The removed row's button is gone: focus goes back to the group.
    legend.current?.parentElement?.focus();
  };
  const add = () => {
    const row = emptyComponent();
    onChange([...value, row]);
    // Focus the new row's key once it is rendered.
    setTimeout(() => document.getElementById(`${row.uid}-key`)?.focus(), 0);
  };
  return (
    <fieldset className="wg-admin-fieldset" tabIndex={-1}>
      <legend ref={legend}>{t('components.legend')}</legend>
      <p className="wg-field__hint">{t('components.intro')}</p>
      {fieldError('components') ? (
        <p className="wg-field__error">{fieldError('components')}</p>
      ) : null}
      {value.length === 0 ? <p>{t('components.none')}</p> : null}
      {value.map((row, index) => {
        const n = index + 1;
        const err = (field: string) => fieldError(`components.${index}.${field}`);
        return (
          <fieldset key={row.uid} className="wg-admin-fieldset wg-admin-component">
            <legend>{t('components.item', { n, name: row.name || row.key || '…' })}</legend>
            <TextField
              id={`${row.uid}-key`}
              name={`component-${n}-key`}
              label={t('components.key')}
              hint={t('components.keyHint')}
              required
              value={row.key}
              onChange={(e) => update(index, { key: e.target.value })}
              error={err('key')}
            />
            <SelectField
              name={`component-${n}-kind`}
              label={t('components.kind')}
              options={COMPONENT_KINDS.map((k) => ({ value: k, label: t(`componentKinds.${k}`) }))}
              value={row.kind}
              onChange={(e) => update(index, { kind: e.target.value as ComponentKind })}
              error={err('kind')}
            />
            <TextField
              name={`component-${n}-name`}
              label={t('components.name')}
              required
              value={row.name}
              onChange={(e) => update(index, { name: e.target.value })}
              error={err('name')}
            />
            <TextField
              name={`component-${n}-description`}
              label={t('components.description')}
              value={row.description}
              onChange={(e) => update(index, { description: e.target.value })}
              error={err('description')}
            />
            <div>
              <Button
                variant="secondary"
                onClick={() => remove(index)}
                aria-label={t('components.removeNamed', { n, name: row.name || row.key || '' })}
              >
                {t('components.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button variant="secondary" onClick={add}>
          {t('components.add')}
        </Button>
      </div>
    </fieldset>
  );
}
