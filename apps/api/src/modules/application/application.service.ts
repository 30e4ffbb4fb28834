import type { DataSource } from 'typeorm';
import { preparedQuery, statementName } from '../../database/prepared.js';
import { dayEnd, dayStart, furthestStepSql, isoDate } from '../../database/sql.js';
import { badInput } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/pagination.js';
import { applicationScope, type Viewer } from '../../graphql/policy.js';
import type { OrganisationEntity } from '../organisation/organisation.entity.js';
import { Organisation } from '../organisation/organisation.types.js';
import { ProgrammeEntity, type StageDefinitionEntity } from '../programme/programme.entity.js';
import { Programme, Stage } from '../programme/programme.types.js';
import { ApplicationEntity } from './application.entity.js';
import { type ApplicationFilter, ApplicationOrder } from './application.inputs.js';
import { Application, currentStageOf, type Preloaded } from './application.types.js';

/** The sort value in cursors of the id order (never a date, so the orders' cursors differ). */
const ID_ORDER = 'id';

export class ApplicationService {
  constructor(private readonly ds: DataSource) {}

  /** Null both when it does not exist and when the viewer may not see it: no existence leak. */
  findVisible(viewer: Viewer, id: string): Promise<ApplicationEntity | null> {
    const scope = applicationScope(viewer);
    const qb = this.ds
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.id = :id', { id });
    if (scope.where) qb.andWhere(scope.where, scope.params);
    return qb.getOne();
  }

  /**
   * Newest first (keyset on submitted or created time, id) or by id; keyset-paginated.
   *
   * One SQL statement for the page: raw rows, no entity hydration. The applicant organisation,
   * the programme and the current stage come from the same statement (as JSON) when `include`
   * asks for them, so a list that shows them costs no further round trips; without them the
   * field resolvers fall back to the request's DataLoaders.
   */
  async list(
    viewer: Viewer,
    filter: ApplicationFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    orderBy: ApplicationOrder = ApplicationOrder.NEWEST_FIRST,
    include: ListIncludes = {},
  ) {
    const size = pageSize(first);
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const and = (condition: string, values: Record<string, unknown> = {}) => {
      where.push(condition);
      Object.assign(params, values);
    };
    const scope = applicationScope(viewer);
    if (scope.where) and(scope.where, scope.params);
    if (filter?.programmeKey) {
      const programme = await this.ds
        .getRepository(ProgrammeEntity)
        .findOneBy({ key: filter.programmeKey });
      if (!programme)
        throw badInput(`Unknown programme "${filter.programmeKey}"`, 'filter.programmeKey');
      and('a.programme_id = :programmeId', { programmeId: programme.id });
    }
    if (filter?.years?.length) {
      and('a.edition_id IN (SELECT id FROM edition WHERE year IN (:...years))', {
        years: filter.years,
      });
    }
    if (filter?.channelKeys?.length) {
      and('a.channel_id IN (SELECT id FROM outreach_channel WHERE key IN (:...channels))', {
        channels: filter.channelKeys,
      });
    }
    if (filter?.stages?.length) {
      // Current stage: the exit if any, else the step at the furthest position reached.
      and(
        `(a.exit_stage IN (:...stages) OR (a.exit_stage IS NULL AND EXISTS (
           SELECT 1 FROM stage_definition sd WHERE sd.programme_id = a.programme_id
             AND sd.kind = 'STEP' AND sd.key IN (:...stages) AND sd.position = ${furthestStepSql('a')})))`,
        { stages: filter.stages },
      );
    }
    if (filter?.submittedFrom && filter?.submittedTo && filter.submittedFrom > filter.submittedTo) {
      throw badInput('submittedFrom must not be after submittedTo', 'filter.submittedFrom');
    }
    if (filter?.submittedFrom)
      and(`a.stage1_at >= ${dayStart(':from')}`, { from: isoDate(filter.submittedFrom) });
    if (filter?.submittedTo)
      and(`a.stage1_at < ${dayEnd(':to')}`, { to: isoDate(filter.submittedTo) });

    if (filter?.waitingMoreThanDays !== null && filter?.waitingMoreThanDays !== undefined) {
      if (
        !Number.isInteger(filter.waitingMoreThanDays) ||
        filter.waitingMoreThanDays < 0 ||
        filter.waitingMoreThanDays > 3650
      ) {
        throw badInput('waitingMoreThanDays must be 0 to 3650', 'filter.waitingMoreThanDays');
      }
      and(
        'a.stage1_at < now() - make_interval(days => :waiting) AND a.stage2_at IS NULL AND a.exit_stage IS NULL',
        { waiting: filter.waitingMoreThanDays },
      );
    }
    if (filter?.organisationId) {
      and(
        '(a.organisation_id = :orgId OR EXISTS (SELECT 1 FROM application_member m WHERE m.application_id = a.id AND m.organisation_id = :orgId))',
        { orgId: assertId(filter.organisationId, 'filter.organisationId') },
      );
    }
    // Counted only when the client asks for totalCount: over a million rows it costs more
    // than the page itself.
    const filterWhere = [...where];
    const filterParams = { ...params };
    const totalCount = async () => {
      const [text, values] = this.sql(
        `SELECT count(*)::int AS n FROM application a${whereClause(filterWhere)}`,
        filterParams,
      );
      const [row] = (await this.ds.query(text, values)) as { n: number }[];
      return row?.n ?? 0;
    };
    const byId = orderBy === ApplicationOrder.ID;
    const sortExpr = (alias: string) => `COALESCE(${alias}.stage1_at, ${alias}.created_at)`;
    if (after) {
      const pos = decodeCursor(after);
      if (byId) {
        if (pos.sort !== ID_ORDER) throw badInput('Cursor of another order', 'after');
        and('a.id > :afterId::uuid', { afterId: pos.id });
      } else {
        const at = new Date(pos.sort);
        if (Number.isNaN(at.getTime())) throw badInput('Malformed cursor', 'after');
        and(`(${sortExpr('a')}, a.id) < (:afterSort::timestamptz, :afterId::uuid)`, {
          afterSort: at,
          afterId: pos.id,
        });
      }
    }
    const order = (alias: string) =>
      byId ? `${alias}.id ASC` : `${sortExpr(alias)} DESC, ${alias}.id DESC`;
    params.pageLimit = size + 1;
    const [text, values] = this.sql(
      `WITH p AS MATERIALIZED (
         SELECT ${PAGE_COLUMNS}, a.created_at
           FROM application a${whereClause(where)}
          ORDER BY ${order('a')}
          LIMIT :pageLimit)
       SELECT p.*${include.organisation ? `, ${organisationColumns(include.organisation)}` : ''}${
         include.programme || include.currentStage ? `, ${PROGRAMMES_JSON}` : ''
       }
         FROM p${include.organisation ? ' LEFT JOIN organisation o ON o.id = p.organisation_id' : ''}
        ORDER BY ${order('p')}`,
      params,
    );
    // Unfiltered pages (the common case) have a handful of possible texts: a prepared statement
    // each, planned once per connection. Filters make too many variants to keep prepared.
    const rows = isUnfiltered(filter)
      ? await preparedQuery<ApplicationRow>(
          this.ds,
          statementName('wg_app_list', text),
          text,
          values,
        )
      : ((await this.ds.query(text, values)) as ApplicationRow[]);
    return toPage(
      rows,
      size,
      totalCount,
      !!after,
      (a) => ({
        sort: byId ? ID_ORDER : (a.stage1_at ?? a.created_at).toISOString(),
        id: a.id,
      }),
      pageMapper(rows),
    );
  }

  /** Named parameters (`:name`, `:...list`) to the driver's positional ones. */
  private sql(text: string, params: Record<string, unknown>): [string, unknown[]] {
    return this.ds.driver.escapeQueryWithParameters(text, params);
  }
}

/** What a list page may bring along in its one statement. */
export interface ListIncludes {
  /** The applicant: the Organisation fields the nodes select (true: all of them). */
  organisation?: boolean | ReadonlySet<string>;
  programme?: boolean;
  currentStage?: boolean;
}

const isUnfiltered = (filter: ApplicationFilter | null | undefined) =>
  !filter || Object.values(filter).every((v) => v === null || v === undefined);

const whereClause = (conditions: string[]) =>
  conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';

const PAGE_COLUMNS = [
  'a.id',
  'a.registration_type',
  'a.company_count',
  'a.version',
  'a.programme_id',
  'a.edition_id',
  'a.organisation_id',
  'a.channel_id',
  'a.coach_id',
  'a.stage1_at',
  'a.stage2_at',
  'a.stage3_at',
  'a.stage4_at',
  'a.exit_stage',
  'a.exit_at',
].join(', ');

/** The applicant's columns, joined (cheaper for PostgreSQL than building a JSON object). */
const ORGANISATION_COLUMN_NAMES = [
  'kind',
  'kbo_number',
  'name',
  'employee_count',
  'size_class',
  'nace_code',
  'nace_section',
  'province',
  'municipality',
  'business_park',
  'has_prevention_committee',
  'first_touch_channel_id',
];
const asOrganisationColumns = (names: readonly string[]) =>
  names.map((c) => `o.${c} AS o_${c}`).join(', ');
const ORGANISATION_COLUMNS = asOrganisationColumns(ORGANISATION_COLUMN_NAMES);
/**
 * When the nodes show only the applicant's name (the lists of the portal and the back office),
 * two columns instead of twelve: less for PostgreSQL to send and for pg to parse. `kind` comes
 * along because resolvers below an organisation read it. Only these two shapes, so an unfiltered
 * page stays one of a handful of prepared statements.
 */
const NAME_ONLY_FIELDS = new Set(['id', 'name', 'kind', '__typename']);
const ORGANISATION_NAME_COLUMNS = asOrganisationColumns(['kind', 'name']);

function organisationColumns(fields: true | ReadonlySet<string>): string {
  if (fields === true) return ORGANISATION_COLUMNS;
  for (const field of fields) if (!NAME_ONLY_FIELDS.has(field)) return ORGANISATION_COLUMNS;
  return ORGANISATION_NAME_COLUMNS;
}

/**
 * The page's programmes (two or three rows at most) with their stage definitions, once per page:
 * on one row only, as JSON whose keys are the entity properties the GraphQL types' `from` read.
 */
const PROGRAMMES_JSON = `CASE WHEN row_number() OVER () = 1 THEN (
  SELECT json_agg(json_build_object('id', g.id, 'key', g.key, 'name', g.name,
           'description', g.description, 'eligibility', g.eligibility,
           'employerContributionCents', g.employer_contribution_cents, 'launchedOn', g.launched_on,
           'operatorId', g.operator_id,
           'stages', (SELECT json_agg(json_build_object('key', sd.key, 'label', sd.label,
                               'kind', sd.kind, 'position', sd.position,
                               'requiresStep', sd.requires_step, 'beforeStep', sd.before_step)
                             ORDER BY sd.kind, sd.position)
                        FROM stage_definition sd WHERE sd.programme_id = g.id)))
    FROM programme g WHERE g.id IN (SELECT programme_id FROM p)) END AS programmes_json`;

interface ApplicationRow {
  id: string;
  registration_type: ApplicationEntity['registrationType'];
  company_count: number;
  version: number;
  programme_id: string;
  edition_id: string;
  organisation_id: string;
  channel_id: string | null;
  coach_id: string | null;
  stage1_at: Date | null;
  stage2_at: Date | null;
  stage3_at: Date | null;
  stage4_at: Date | null;
  exit_stage: string | null;
  exit_at: Date | null;
  created_at: Date;
  organisation_json?: OrganisationEntity | null;
  o_kind?: OrganisationEntity['kind'] | null;
  o_kbo_number?: string | null;
  o_name?: string | null;
  o_employee_count?: number | null;
  o_size_class?: OrganisationEntity['sizeClass'];
  o_nace_code?: string | null;
  o_nace_section?: string | null;
  o_province?: string | null;
  o_municipality?: string | null;
  o_business_park?: string | null;
  o_has_prevention_committee?: boolean | null;
  o_first_touch_channel_id?: string | null;
  /** On one row of the page only (null on the others). */
  programmes_json?: (ProgrammeEntity & { stages: StageDefinitionEntity[] | null })[] | null;
}

/** Maps a page's rows, sharing the programmes and stages sent once per page. */
function pageMapper(rows: ApplicationRow[]): (r: ApplicationRow) => Application {
  const programmes = new Map<string, Programme>();
  const stages = new Map<string, StageDefinitionEntity[]>();
  for (const r of rows) {
    for (const g of r.programmes_json ?? []) {
      programmes.set(g.id, Programme.from(g));
      stages.set(g.id, g.stages ?? []);
    }
  }
  return (r) => {
    const application = applicationFromRow(r);
    const preloaded: Preloaded = {};
    // A row whose applicant was not found (o_name is NOT NULL in the table) is left to the
    // loader, which answers as it always did.
    if (r.o_name !== undefined && r.o_name !== null) {
      preloaded.organisation = Organisation.from({
        id: r.organisation_id,
        kind: r.o_kind,
        kboNumber: r.o_kbo_number,
        name: r.o_name,
        employeeCount: r.o_employee_count,
        sizeClass: r.o_size_class,
        naceCode: r.o_nace_code,
        naceSection: r.o_nace_section,
        province: r.o_province,
        municipality: r.o_municipality,
        businessPark: r.o_business_park,
        hasPreventionCommittee: r.o_has_prevention_committee,
        firstTouchChannelId: r.o_first_touch_channel_id,
      } as OrganisationEntity);
    }
    const programme = programmes.get(r.programme_id);
    if (programme) preloaded.programme = programme;
    const programmeStages = stages.get(r.programme_id);
    if (programmeStages) {
      const stage = currentStageOf(application, programmeStages);
      preloaded.currentStage = stage ? Stage.from(stage) : null;
    }
    application.preloaded = preloaded;
    return application;
  };
}

function applicationFromRow(r: ApplicationRow): Application {
  return Application.from({
    id: r.id,
    registrationType: r.registration_type,
    companyCount: r.company_count,
    version: r.version,
    programmeId: r.programme_id,
    editionId: r.edition_id,
    organisationId: r.organisation_id,
    channelId: r.channel_id,
    coachId: r.coach_id,
    stage1At: r.stage1_at,
    stage2At: r.stage2_at,
    stage3At: r.stage3_at,
    stage4At: r.stage4_at,
    exitStage: r.exit_stage,
    exitAt: r.exit_at,
  } as ApplicationEntity);
}
