import { clampThreshold } from '@werkgezond/domain';
import { z } from 'zod';

/** Limits of the research endpoint; each can be set through the environment. */
export interface ResearchConfig {
  /** Minimum number of companies behind a published count (RESEARCH_MIN_CELL, never below 5). */
  minCell: number;
  /** Highest cost one request may have (RESEARCH_MAX_COST). */
  maxCost: number;
  /** Points per key per hour (RESEARCH_BUDGET_PER_HOUR). */
  budgetPerHour: number;
  maxDepth: number;
  maxAliases: number;
  /** GraphQL tokens in one document (parser limit). */
  maxTokens: number;
  /** Request body size in bytes (and the length of a GET query string). */
  maxBodyBytes: number;
  /** Per-request time limit in milliseconds (RESEARCH_TIMEOUT_MS). */
  timeoutMs: number;
}

const schema = z.object({
  RESEARCH_MIN_CELL: z.coerce.number().int().min(1).max(1000).default(10),
  RESEARCH_MAX_COST: z.coerce.number().int().min(1).max(100_000).default(1000),
  RESEARCH_BUDGET_PER_HOUR: z.coerce.number().int().min(1).max(10_000_000).default(5000),
  RESEARCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export function researchConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ResearchConfig> = {},
): ResearchConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid research API configuration:\n${lines.join('\n')}`);
  }
  const config: ResearchConfig = {
    minCell: parsed.data.RESEARCH_MIN_CELL,
    maxCost: parsed.data.RESEARCH_MAX_COST,
    budgetPerHour: parsed.data.RESEARCH_BUDGET_PER_HOUR,
    maxDepth: 8,
    maxAliases: 15,
    maxTokens: 2000,
    maxBodyBytes: 16 * 1024,
    timeoutMs: parsed.data.RESEARCH_TIMEOUT_MS,
    ...overrides,
  };
  // Whatever the environment or a caller asks, a published count rests on at least 5 companies.
  config.minCell = clampThreshold(config.minCell);
  return config;
}
