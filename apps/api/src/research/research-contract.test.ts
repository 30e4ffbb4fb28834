import 'reflect-metadata';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getResearchSchema } from './research.schema.js';
import { printContract, readCommitted, unlistedBreakingChanges } from './research-contract.js';

describe('research schema contract', () => {
  it('the code breaks nothing in the committed contract that the CHANGELOG does not list', async () => {
    const { contract, changelog } = readCommitted();
    expect(contract, 'apps/api/research.schema.graphql is committed').not.toBeNull();
    const unlisted = unlistedBreakingChanges(
      contract as string,
      await getResearchSchema(),
      changelog,
    );
    expect(unlisted.map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('the committed contract is what the code emits (run the API build and commit it)', async () => {
    const { contract } = readCommitted();
    expect(contract).toBe(printContract(await getResearchSchema()));
  });

  it('catches a removed field and a narrowed argument unless the CHANGELOG lists them', () => {
    const before = printContract(
      buildSchema(`type Query { aggregate(limit: Int): Answer }
                   type Answer { threshold: Int protection: String }`),
    );
    const after = buildSchema(`type Query { aggregate(limit: Int!): Answer }
                               type Answer { threshold: Int }`);
    const found = unlistedBreakingChanges(before, after, '# Changelog\n');
    expect(found.map((c) => c.type).sort()).toEqual(['ARG_CHANGED_KIND', 'FIELD_REMOVED']);
    const listed = found.map((c) => `- ${c.description}`).join('\n');
    expect(unlistedBreakingChanges(before, after, listed)).toEqual([]);
    // A new optional field is not breaking.
    const added = buildSchema(`type Query { aggregate(limit: Int): Answer }
                               type Answer { threshold: Int protection: String extra: Int }`);
    expect(unlistedBreakingChanges(before, added, '')).toEqual([]);
  });
});
