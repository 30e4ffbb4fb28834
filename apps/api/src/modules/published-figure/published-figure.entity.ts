import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FIGURE_CHECKS = ['EXACT', 'CLAIM'] as const;
export type FigureCheck = (typeof FIGURE_CHECKS)[number];

/** A figure as published in a source document: a fact to reconcile with, never an input. */
@Entity({ name: 'published_figure' })
export class PublishedFigureEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'programme_key', type: 'varchar', length: 64, nullable: true })
  programmeKey!: string | null;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'text' })
  period!: string;

  /** Numeric figures here; dates, names and lists go to valueText. */
  @Column({ name: 'value_number', type: 'numeric', nullable: true })
  valueNumber!: string | null;

  @Column({ name: 'value_text', type: 'text', nullable: true })
  valueText!: string | null;

  @Column({ type: 'enum', enum: FIGURE_CHECKS, enumName: 'figure_check' })
  check!: FigureCheck;

  /** How to check it, as written in the reference (e.g. "exact: more than half …"). */
  @Column({ name: 'check_rule', type: 'text' })
  checkRule!: string;

  @Column({ type: 'text' })
  speaker!: string;

  @Column({ name: 'source_document', type: 'text' })
  sourceDocument!: string;
}
