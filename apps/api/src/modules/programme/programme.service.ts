import type { DataSource } from 'typeorm';
import { notFound } from '../../graphql/errors.js';
import { ProgrammeEntity } from './programme.entity.js';

export class ProgrammeService {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<ProgrammeEntity[]> {
    return this.ds.getRepository(ProgrammeEntity).find({ order: { name: 'ASC' } });
  }

  async byKey(key: string): Promise<ProgrammeEntity> {
    const programme = await this.ds.getRepository(ProgrammeEntity).findOneBy({ key });
    if (!programme) throw notFound(`Programme "${key.slice(0, 64)}"`);
    return programme;
  }
}
