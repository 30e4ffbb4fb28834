import { useQuery } from '@apollo/client/react';
import {
  AnalyticsFunnelDocument,
  type FunnelDrillKind,
  type FunnelStepsTable_StepFragment,
} from '@werkgezond/graphql-client';
import { Spinner } from '@werkgezond/ui';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AsOfField,
  BreakdownSelects,
  FilterGrid,
  FilterPanel,
  ProgrammeSelect,
  SegmentFilters,
  UnitSelect,
  YearChoices,
} from '../components/Filters';
import { DropOffReasonsSection } from '../components/funnel/DropOffReasonsSection';
import { FollowUpEffectSection } from '../components/funnel/FollowUpEffectSection';
import {
  BreakdownSection,
  ConversionSection,
  DropOffSection,
  ExitsSection,
} from '../components/funnel/FunnelDetails';
import { FunnelStepsSection } from '../components/funnel/FunnelStepsSection';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { ViewContext } from '../components/ViewContext';
import { useViewDescription } from '../hooks/useContextItems';
import { stagesOf, useProgrammeChoice } from '../hooks/useProgrammeChoice';
import { funnelSpec, toFunnelFilter } from '../url/specs';
import { useSearchState } from '../url/useSearchState';

// Its own chunk: only opened on demand, so it adds nothing to the first screen.
const FunnelDrillDownPanel = lazy(() => import('../components/funnel/FunnelDrillDownPanel'));

interface OpenDrill {
  step: Pick<FunnelStepsTable_StepFragment, 'stage' | 'label'>;
  kind: FunnelDrillKind;
}

/** Where companies drop out: the funnel of a programme at an "as of" date. */
export function FunnelPage() {
  const { t } = useTranslation('analytics');
  const [state, setState] = useSearchState(funnelSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const filter = toFunnelFilter(state);
  const { data, loading, error, refetch } = useQuery(AnalyticsFunnelDocument, {
    skip: !programme,
    variables: {
      input: {
        programmeKey: programme?.key ?? '',
        asOf: state.asOf,
        unit: state.unit,
        years: state.years.length ? state.years : null,
        breakdownBy: state.breakdown.length ? state.breakdown : null,
        filter: filter ?? null,
      },
    },
  });
  const funnel = data?.funnel;
  const drillId = `drill-${useId()}`;
  const [openDrill, setOpenDrill] = useState<OpenDrill | null>(null);
  // A drill-down belongs to one programme; another programme closes it.
  const drill = openDrill && programme ? openDrill : null;
  const view = useViewDescription({
    programmeName: programme?.name ?? '',
    asOf: state.asOf,
    unit: state.unit,
    years: state.years,
    breakdown: state.breakdown,
    segments: state,
  });
  const { steps } = stagesOf(programme);
  const reasonSteps = steps.slice(0, -1);
  const reasonsAt =
    reasonSteps.find((s) => s.key === state.reasonsAt)?.key ??
    reasonSteps[1]?.key ??
    reasonSteps[0]?.key;
  const fileName = `trechter-${programme?.key ?? ''}-${state.asOf ?? 'alles'}`;

  return (
    <PageFrame title={t('funnel.title')} description={t('funnel.description')} programmes={choice}>
      <FilterPanel label={t('filters.label')}>
        <FilterGrid>
          <ProgrammeSelect
            programmes={choice.programmes}
            value={programme?.key ?? null}
            onChange={(key) => {
              setOpenDrill(null);
              setState({ programme: key, years: [], reasonsAt: null });
            }}
          />
          <AsOfField value={state.asOf} onChange={(asOf) => setState({ asOf })} />
          <UnitSelect value={state.unit} onChange={(unit) => setState({ unit })} />
          <BreakdownSelects
            value={state.breakdown}
            onChange={(breakdown) => setState({ breakdown })}
          />
        </FilterGrid>
        <YearChoices
          programme={programme}
          value={state.years}
          onChange={(years) => setState({ years })}
        />
        <SegmentFilters value={state} onChange={(patch) => setState(patch)} />
      </FilterPanel>
      <ViewContext items={view.items} />
      <QueryState
        loading={loading}
        error={error}
        hasData={!!funnel}
        loadingLabel={t('funnel.loading')}
        errorTitle={t('funnel.error')}
        onRetry={() => void refetch()}
        empty={!!funnel && (funnel.steps[0]?.count ?? 0) === 0}
        emptyTitle={t('funnel.emptyTitle')}
        emptyText={t('funnel.empty')}
      >
        {funnel && programme ? (
          <>
            <FunnelStepsSection
              steps={funnel.steps}
              unit={funnel.unit}
              context={view.sentence}
              fileName={fileName}
              drill={{
                panelId: drillId,
                open: drill ? { stage: drill.step.stage, kind: drill.kind } : null,
                onOpen: (step, kind) => setOpenDrill({ step, kind }),
              }}
            />
            {drill ? (
              <Suspense fallback={<Spinner label={t('drill.loading')} />}>
                <FunnelDrillDownPanel
                  key={`${drill.step.stage}-${drill.kind}`}
                  id={drillId}
                  programmeKey={programme.key}
                  stage={drill.step}
                  kind={drill.kind}
                  years={state.years}
                  exits={funnel.exits}
                  fileName={fileName}
                  onClose={() => {
                    // Focus goes back to the count that opened the panel.
                    const opener = `[data-drill="${drill.step.stage}-${drill.kind}"]`;
                    setOpenDrill(null);
                    requestAnimationFrame(() =>
                      document.querySelector<HTMLButtonElement>(opener)?.focus(),
                    );
                  }}
                />
              </Suspense>
            ) : null}
            <ConversionSection steps={funnel.steps} context={view.sentence} fileName={fileName} />
            <DropOffSection steps={funnel.steps} context={view.sentence} fileName={fileName} />
            <ExitsSection
              exits={funnel.exits}
              steps={funnel.steps}
              context={view.sentence}
              fileName={fileName}
            />
            {reasonsAt ? (
              <DropOffReasonsSection
                programmeKey={programme.key}
                stages={reasonSteps}
                stage={reasonsAt}
                onStageChange={(stage) => setState({ reasonsAt: stage })}
                asOf={state.asOf}
                years={state.years}
                unit={state.unit}
                filter={filter}
                context={view.sentence}
                fileName={fileName}
              />
            ) : null}
            {steps.some((s) => s.key === 'STARTED') ? (
              <FollowUpEffectSection
                programmeKey={programme.key}
                years={state.years}
                fileName={fileName}
              />
            ) : null}
            {funnel.groups.length > 0 ? (
              <BreakdownSection
                groups={funnel.groups}
                steps={funnel.steps}
                context={view.sentence}
                fileName={fileName}
              />
            ) : null}
          </>
        ) : null}
      </QueryState>
    </PageFrame>
  );
}
