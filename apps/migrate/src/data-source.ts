import { dataSourceOptions } from '@nexus/core';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/** Every entity and every migration: what the migrator runs and the drift check compares. */
export function createMigrationDataSource(url: string): DataSource {
  return new DataSource({ ...dataSourceOptions(url, { size: 2 }), entities: ENTITIES });
}
