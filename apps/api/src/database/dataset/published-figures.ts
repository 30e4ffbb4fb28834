import { z } from 'zod';
import type { PublishedFigureEntity } from '../../modules/published-figure/published-figure.entity.js';
// The project's own copy of the reference figures: the app must not read ../shared at run time.
import raw from './published-figures.json' with { type: 'json' };

const figureSchema = z.object({
  id: z.string().min(1).max(64),
  programme: z.string().nullable(),
  metric: z.string().min(1),
  period: z.string().min(1),
  // Numbers, dates, names or lists of names: whatever the source published.
  value: z.union([z.number(), z.string(), z.array(z.string())]),
  check: z.string().regex(/^(exact|claim)\b/, "check must start with 'exact' or 'claim'"),
  speaker: z.string().min(1),
  source: z.string().min(1),
});

const fileSchema = z.object({
  about: z.string(),
  programmes: z.array(z.object({ key: z.string(), name: z.string() }).loose()),
  figures: z.array(figureSchema),
});

export type PublishedFigure = z.infer<typeof figureSchema>;
export type PublishedFigureRow = PublishedFigureEntity;

/** Parses the bundled file; a malformed edit fails here, at start-up, not in a report. */
export function loadPublishedFigures(): PublishedFigure[] {
  const parsed = fileSchema.parse(raw);
  const ids = new Set<string>();
  for (const f of parsed.figures) {
    if (ids.has(f.id)) throw new Error(`published-figures.json: duplicate figure id '${f.id}'`);
    ids.add(f.id);
  }
  return parsed.figures;
}

export function toPublishedFigureRow(f: PublishedFigure): PublishedFigureRow {
  return {
    id: f.id,
    programmeKey: f.programme,
    metric: f.metric,
    period: f.period,
    valueNumber: typeof f.value === 'number' ? String(f.value) : null,
    valueText:
      typeof f.value === 'number'
        ? null
        : typeof f.value === 'string'
          ? f.value
          : JSON.stringify(f.value),
    check: f.check.startsWith('exact') ? 'EXACT' : 'CLAIM',
    checkRule: f.check,
    speaker: f.speaker,
    sourceDocument: f.source,
  };
}

export function publishedFigureRows(): PublishedFigureRow[] {
  return loadPublishedFigures().map(toPublishedFigureRow);
}

/** One figure's value as a number; throws when the id is unknown or not numeric. */
export function figureNumber(id: string, figures = loadPublishedFigures()): number {
  const f = figures.find((x) => x.id === id);
  if (!f || typeof f.value !== 'number') throw new Error(`No numeric published figure '${id}'`);
  return f.value;
}
