import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Funnel rollup: per programme, edition, unit and one breakdown dimension ("cuboid"), the
 * number of counting units by exit (stage, reason, step at exit) and how many reached each step.
 * Built set-based from the application projection by RollupService.refresh(); never edited row
 * by row. Queries use it only while nothing has changed since it was built (see
 * analytics_change_log), otherwise they aggregate the applications themselves.
 */
@Entity({ name: 'analytics_funnel_cell' })
@Index('idx_analytics_funnel_cell_lookup', ['programmeId', 'unit', 'dimension', 'value'])
export class FunnelCellEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  /** APPLICATIONS or COMPANIES. */
  @Column({ type: 'varchar', length: 16 })
  unit!: string;

  /** NONE (edition only) or one of the funnel dimensions other than EDITION. */
  @Column({ type: 'varchar', length: 32 })
  dimension!: string;

  /** The dimension value as the live query computes it; null = unknown (or NONE). */
  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Column({ name: 'exit_stage', type: 'varchar', length: 32, nullable: true })
  exitStage!: string | null;

  @Column({ name: 'exit_reason', type: 'varchar', length: 32, nullable: true })
  exitReason!: string | null;

  /** Furthest step position reached when the exit happened. */
  @Column({ name: 'exit_from', type: 'smallint', nullable: true })
  exitFrom!: number | null;

  @Column({ type: 'integer' })
  n!: number;

  @Column({ type: 'integer' })
  n1!: number;

  @Column({ type: 'integer' })
  n2!: number;

  @Column({ type: 'integer' })
  n3!: number;

  @Column({ type: 'integer' })
  n4!: number;
}

/** Histogram of whole calendar days from the previous step, per step and cuboid cell. */
@Entity({ name: 'analytics_funnel_lag' })
@Index('idx_analytics_funnel_lag_lookup', ['programmeId', 'unit', 'dimension', 'value'])
export class FunnelLagEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @Column({ type: 'varchar', length: 16 })
  unit!: string;

  @Column({ type: 'varchar', length: 32 })
  dimension!: string;

  @Column({ type: 'text', nullable: true })
  value!: string | null;

  /** Step position (2..4): days from step - 1 to this step. */
  @Column({ type: 'smallint' })
  step!: number;

  @Column({ name: 'lag_days', type: 'integer' })
  lagDays!: number;

  @Column({ type: 'integer' })
  n!: number;
}

/** One row (id 1): the snapshot the rollup was built from. */
@Entity({ name: 'analytics_rollup_state' })
export class RollupStateEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  /** pg_current_snapshot() of the building transaction, as text. */
  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ name: 'built_at', type: 'timestamptz' })
  builtAt!: Date;

  @Column({ name: 'build_ms', type: 'integer' })
  buildMs!: number;
}

/** Latest event per programme when the rollup was built: later "as of" dates may use it. */
@Entity({ name: 'analytics_rollup_programme' })
export class RollupProgrammeEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'last_event_at', type: 'timestamptz', nullable: true })
  lastEventAt!: Date | null;
}

/**
 * Transactions that wrote to a table the funnels read (filled by statement triggers). The rollup
 * is fresh while every committed transaction listed here was visible to the rollup's snapshot.
 */
@Entity({ name: 'analytics_change_log' })
export class ChangeLogEntity {
  /** pg_current_xact_id() of the writing transaction. */
  @PrimaryColumn({ type: 'bigint' })
  xid!: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
