import { Field, InputType } from 'type-graphql';
import type { ImportKind } from './import.entity.js';
import { ImportKindEnum } from './import.types.js';

@InputType()
export class ImportColumnInput {
  @Field(() => String, { description: 'Field key, e.g. kboNumber.' }) field!: string;
  @Field(() => String, { description: 'Header of the file column it is read from.' })
  column!: string;
}

@InputType()
export class SaveImportMappingInput {
  @Field(() => String) name!: string;
  @Field(() => ImportKindEnum) kind!: ImportKind;
  @Field(() => [ImportColumnInput]) columns!: ImportColumnInput[];
}

/** Columns as a field → header object; a field named twice is bad input. */
export function columnsToMapping(columns: ImportColumnInput[]): Record<string, string> | string {
  const mapping: Record<string, string> = {};
  for (const c of columns) {
    if (c.field in mapping) return `Field "${c.field}" is mapped twice`;
    if (c.column.trim() !== '') mapping[c.field] = c.column;
  }
  return mapping;
}
