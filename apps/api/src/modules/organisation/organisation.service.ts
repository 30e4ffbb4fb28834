import { normaliseKbo } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/pagination.js';
import { organisationScope, type Viewer } from '../../graphql/policy.js';
import { OrganisationEntity } from './organisation.entity.js';
import type { OrganisationFilter } from './organisation.inputs.js';
import { Organisation } from './organisation.types.js';

export class OrganisationService {
  constructor(private readonly ds: DataSource) {}

  /** Null both when it does not exist and when the viewer may not see it: no existence leak. */
  async findVisible(viewer: Viewer, id: string): Promise<OrganisationEntity | null> {
    const scope = organisationScope(viewer);
    const qb = this.ds
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.id = :id', { id });
    if (scope.where) qb.andWhere(scope.where, scope.params);
    return qb.getOne();
  }

  /** Keyset pagination ordered by (name, id). */
  async list(
    viewer: Viewer,
    filter: OrganisationFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ) {
    const size = pageSize(first);
    const qb = this.ds.getRepository(OrganisationEntity).createQueryBuilder('o');
    const scope = organisationScope(viewer);
    if (scope.where) qb.andWhere(scope.where, scope.params);
    if (filter?.kinds?.length) qb.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.sizeClasses?.length)
      qb.andWhere('o.size_class IN (:...sizes)', { sizes: filter.sizeClasses });
    if (filter?.sectors?.length)
      qb.andWhere('o.nace_section IN (:...sectors)', { sectors: filter.sectors });
    if (filter?.provinces?.length)
      qb.andWhere('o.province IN (:...provinces)', { provinces: filter.provinces });
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 100)
        throw badInput('search is limited to 100 characters', 'filter.search');
      const digits = /^[\dBE .-]+$/i.test(search) ? normaliseKbo(search) : null;
      if (digits) qb.andWhere('o.kbo_number = :kbo', { kbo: digits });
      else
        qb.andWhere("o.name ILIKE :name ESCAPE '\\'", {
          name: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        });
    }
    const totalCount = await qb.clone().getCount();
    if (after) {
      const pos = decodeCursor(after);
      qb.andWhere('(o.name, o.id) > (:sort, :id)', { sort: pos.sort, id: pos.id });
    }
    const rows = await qb
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(size + 1)
      .getMany();
    return toPage(
      rows,
      size,
      totalCount,
      !!after,
      (o) => ({ sort: o.name, id: o.id }),
      Organisation.from,
    );
  }
}
