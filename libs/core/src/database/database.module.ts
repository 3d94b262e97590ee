import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM connection both apps share; entities come from each domain's forFeature. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        ...dataSourceOptions(env.DATABASE_URL, {
          size: env.DATABASE_POOL_SIZE,
          timeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
          idleMs: env.DATABASE_POOL_IDLE_MS,
        }),
        autoLoadEntities: true,
        retryAttempts: 1,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
