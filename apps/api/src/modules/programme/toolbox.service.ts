import type { DataSource } from 'typeorm';
import { badInput, notFound } from '../../graphql/errors.js';
import { canActFor, type Viewer } from '../../graphql/policy.js';
import { ProgrammeComponentEntity, ProgrammeEntity, ToolboxUseEntity } from './programme.entity.js';

export class ToolboxService {
  constructor(private readonly ds: DataSource) {}

  /** Records that a company opened a toolbox component (the evaluation counts use per company). */
  async recordUse(
    viewer: Viewer,
    input: { programmeKey: string; componentKey: string; organisationId: string },
  ): Promise<Date> {
    if (!canActFor(viewer, input.organisationId)) throw notFound('Organisation');
    const programme = await this.ds
      .getRepository(ProgrammeEntity)
      .findOneBy({ key: input.programmeKey });
    if (!programme) throw badInput(`Unknown programme "${input.programmeKey}"`, 'programmeKey');
    const component = await this.ds
      .getRepository(ProgrammeComponentEntity)
      .findOneBy({ programmeId: programme.id, key: input.componentKey });
    if (component?.kind !== 'TOOLBOX') {
      throw badInput(`"${input.componentKey}" is not a toolbox component`, 'componentKey');
    }
    const usedAt = new Date();
    await this.ds.getRepository(ToolboxUseEntity).insert({
      organisationId: input.organisationId,
      componentId: component.id,
      usedBy: `user:${viewer.userId}`,
      usedAt,
    });
    return usedAt;
  }

  /** Component id → last use by the organisation. */
  async lastUses(organisationId: string, componentIds: string[]): Promise<Map<string, Date>> {
    if (componentIds.length === 0) return new Map();
    const rows: { component_id: string; last: Date }[] = await this.ds.query(
      `SELECT component_id, max(used_at) AS last FROM toolbox_use
        WHERE organisation_id = $1 AND component_id = ANY($2) GROUP BY component_id`,
      [organisationId, componentIds],
    );
    return new Map(rows.map((r) => [r.component_id, new Date(r.last)]));
  }
}
