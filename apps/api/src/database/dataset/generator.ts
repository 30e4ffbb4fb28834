import { base, en, Faker, nl, nl_BE } from '@faker-js/faker';
import { generateAward } from './award.js';
import {
  budgetAllocations,
  campaigns,
  channels,
  components,
  editions,
  fundingSources,
  programmes,
  stages,
} from './catalogue.js';
import { generateCoaching } from './coaching.js';
import { generateIndicator2012 } from './indicators.js';
import { buildRegistry } from './organisations.js';
import { loadPublishedFigures, toPublishedFigureRow } from './published-figures.js';
import { Rng } from './random.js';
import { type DatasetChunk, type DatasetTables, emptyTables, TABLE_ORDER } from './rows.js';
import { generateScans } from './scans.js';
import { buildTemplates, syntheticChunks } from './synthetic.js';

export {
  DEMO_COMPANY_ID,
  DEMO_COMPANY_NAME,
  DEMO_NETWORK_ID,
  DEMO_NETWORK_NAME,
} from './organisations.js';
export type { DatasetChunk, DatasetTables, TableName } from './rows.js';

/** Changing the seed changes every generated value (not the ids of named records). */
export const DATASET_SEED = 'werkgezond-dataset-v1';

export interface GenerateOptions {
  /** 1 = the bundled dataset; N ≥ 1 adds synthetic applications up to about N× as many. */
  scale?: number;
}

function makeFaker(rng: Rng): Faker {
  // An own instance: seeding the shared `faker` would leak into (and from) other code.
  const faker = new Faker({ locale: [nl_BE, nl, en, base] });
  faker.seed(rng.int(0, 2 ** 31 - 1));
  return faker;
}

/** The bundled dataset (scale 1), every table in memory: a few thousand rows. */
export function generateBase(): DatasetTables {
  const rng = new Rng(DATASET_SEED);
  const faker = makeFaker(rng);
  const figures = loadPublishedFigures();
  const tables = emptyTables();

  const registry = buildRegistry(new Rng(`${DATASET_SEED}:registry`), faker);
  tables.organisation.push(...registry.organisations);
  tables.network_membership.push(...registry.memberships);
  tables.programme.push(...programmes);
  tables.programme_component.push(...components);
  tables.stage_definition.push(...stages);
  tables.edition.push(...editions);
  tables.funding_source.push(...fundingSources);
  tables.budget_allocation.push(...budgetAllocations);
  tables.outreach_channel.push(...channels);
  tables.campaign.push(...campaigns);

  // Each part has its own stream, so tuning one part leaves the others' rows unchanged.
  generateAward(new Rng(`${DATASET_SEED}:award`), registry, figures, tables);
  generateCoaching(new Rng(`${DATASET_SEED}:coaching`), faker, registry, figures, tables);
  tables.indicator_measurement.unshift(
    ...generateIndicator2012(new Rng(`${DATASET_SEED}:indicator`), registry.companies, figures),
  );
  generateScans(new Rng(`${DATASET_SEED}:scan`), tables);
  tables.published_figure.push(...figures.map(toPublishedFigureRow));
  return tables;
}

export function extraApplications(baseApplications: number, scale: number): number {
  if (!Number.isFinite(scale) || scale < 1)
    throw new RangeError(`scale must be a number ≥ 1, got ${scale}`);
  return Math.round((scale - 1) * baseApplications);
}

/**
 * The dataset as a stream of chunks: first the bundled dataset, then synthetic chunks of at most
 * CHUNK_APPLICATIONS applications each, so a loader holds one chunk at a time at any scale.
 */
export function* generate(options: GenerateOptions = {}): Generator<DatasetChunk> {
  const scale = options.scale ?? 1;
  const tables = generateBase();
  const extra = extraApplications(tables.application.length, scale);
  const templates = extra > 0 ? buildTemplates(tables) : [];
  yield tables;
  if (extra === 0) return;
  const rng = new Rng(`${DATASET_SEED}:synthetic`);
  yield* syntheticChunks(rng, makeFaker(rng), templates, extra);
}

/** Every chunk concatenated: for tests and small scales only (memory grows with the scale). */
export function generateAll(options: GenerateOptions = {}): DatasetTables {
  const all = emptyTables();
  for (const chunk of generate(options)) {
    for (const table of TABLE_ORDER) {
      const rows = chunk[table];
      if (!rows) continue;
      const target = all[table] as unknown[];
      for (const r of rows) target.push(r);
    }
  }
  return all;
}
