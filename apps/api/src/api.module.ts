import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  AllExceptionsFilter,
  CoreModule,
  Environment,
  HygienicValidationPipe,
  Metrics,
} from '@nexus/core';
import { AuthApiModule } from './auth/auth-api.module';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { MetricsController } from './metrics/metrics.controller';
import { PostsApiModule } from './posts/posts-api.module';
import { PollsApiModule } from './polls/polls-api.module';
import { FeedApiModule } from './feed/feed-api.module';
import { SocialGraphApiModule } from './social-graph/social-graph-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { QueueDashboardModule } from './admin/queue-dashboard.module';
import { QueueDepthCollector } from './metrics/queue-depth.collector';
import { JobEventsCollector } from './metrics/job-events.collector';
import { ApiInfoResolver } from './system/api-info.resolver';

@Module({
  imports: [
    CoreModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [Metrics, Environment],
      useFactory: graphqlOptions,
    }),
    AuthApiModule,
    PostsApiModule,
    PollsApiModule,
    SocialGraphApiModule,
    FeedApiModule,
    IdempotencyModule,
    NotificationsApiModule,
    QueueDashboardModule,
  ],
  controllers: [HealthController, MetricsController],
  providers: [
    ApiInfoResolver,
    QueueDepthCollector,
    JobEventsCollector,
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useValue: new HygienicValidationPipe() },
  ],
})
export class ApiModule {}
