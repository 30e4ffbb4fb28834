import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { requireViewer } from '../../graphql/policy.js';
import type { ImportKind } from './import.entity.js';
import { columnsToMapping, ImportColumnInput, SaveImportMappingInput } from './import.inputs.js';
import { ImportService } from './import.service.js';
import { ImportIssue, ImportKindEnum, ImportMapping, ImportRun } from './import.types.js';

const MAX_ISSUES = 500;

/** Imports of organisations, applications and stage events (files are uploaded at /api/imports). */
@Resolver(() => ImportRun)
export class ImportResolver {
  @Authorized('PROGRAMME_MANAGER')
  @Query(() => [ImportRun], {
    description: "Your latest imports (admins: everyone's), newest first.",
  })
  async imports(@Ctx() ctx: Context): Promise<ImportRun[]> {
    const runs = await new ImportService(ctx.dataSource).list(requireViewer(ctx));
    return runs.map(ImportRun.from);
  }

  @Authorized('PROGRAMME_MANAGER')
  @Query(() => ImportRun, { description: 'One import; poll it to follow a dry run or import.' })
  async importRun(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportRun> {
    return ImportRun.from(await new ImportService(ctx.dataSource).get(requireViewer(ctx), id));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Query(() => [ImportMapping], { description: 'Saved column mappings for a kind of file.' })
  async importMappings(
    @Arg('kind', () => ImportKindEnum) kind: ImportKind,
    @Ctx() ctx: Context,
  ): Promise<ImportMapping[]> {
    requireViewer(ctx);
    return (await new ImportService(ctx.dataSource).mappings(kind)).map(ImportMapping.from);
  }

  @FieldResolver(() => [ImportIssue], {
    description: 'Problems found, in row order (at most 500; the report has all).',
  })
  async issues(
    @Root() run: ImportRun,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ImportIssue[]> {
    if (first < 1 || first > MAX_ISSUES)
      throw badInput(`first must be 1 to ${MAX_ISSUES}`, 'first');
    return (await new ImportService(ctx.dataSource).issues(run.id, first)).map(ImportIssue.from);
  }

  @FieldResolver(() => Int, { description: 'All problems found.' })
  issueCount(@Root() run: ImportRun, @Ctx() ctx: Context): Promise<number> {
    return new ImportService(ctx.dataSource).issueCount(run.id);
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => ImportRun, {
    description:
      'Sets the column mapping (default: the one shown) and starts the dry run: every row is checked, nothing is written.',
  })
  async startImportDryRun(
    @Arg('id', () => ID) id: string,
    @Arg('columns', () => [ImportColumnInput], { nullable: true }) columns:
      | ImportColumnInput[]
      | null,
    @Ctx() ctx: Context,
  ): Promise<ImportRun> {
    const mapping = columns ? columnsToMapping(columns) : null;
    if (typeof mapping === 'string') throw badInput(mapping, 'columns');
    return ImportRun.from(
      await new ImportService(ctx.dataSource).startDryRun(requireViewer(ctx), id, mapping),
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => ImportRun, {
    description: 'Imports the valid rows of a validated file (rows with issues are skipped).',
  })
  async confirmImport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportRun> {
    return ImportRun.from(await new ImportService(ctx.dataSource).confirm(requireViewer(ctx), id));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => ImportMapping, {
    description: 'Saves a column mapping under a name (replacing one of that name).',
  })
  async saveImportMapping(
    @Arg('input', () => SaveImportMappingInput) input: SaveImportMappingInput,
    @Ctx() ctx: Context,
  ): Promise<ImportMapping> {
    const mapping = columnsToMapping(input.columns);
    if (typeof mapping === 'string') throw badInput(mapping, 'input.columns');
    return ImportMapping.from(
      await new ImportService(ctx.dataSource).saveMapping(requireViewer(ctx), {
        name: input.name,
        kind: input.kind,
        columns: mapping,
      }),
    );
  }
}
