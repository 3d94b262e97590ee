import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsProcessedEventEntity } from './analytics-processed-event.entity';
import { AnalyticsProducer } from './analytics.producer';
import { AnalyticsRecorder } from './analytics-recorder';
import { PostStatsDailyEntity } from './post-stats-daily.entity';
import { PostStatsReader } from './post-stats';
import { TrendingService } from './trending.service';
import { ViewCounter } from './view-counter';
import { ViewFlusher } from './view-flusher';

/** Interaction events, view counters, daily stats and trending. */
@Module({
  imports: [TypeOrmModule.forFeature([PostStatsDailyEntity, AnalyticsProcessedEventEntity])],
  providers: [
    AnalyticsProducer,
    AnalyticsRecorder,
    ViewCounter,
    ViewFlusher,
    PostStatsReader,
    TrendingService,
  ],
  exports: [
    AnalyticsProducer,
    AnalyticsRecorder,
    ViewCounter,
    ViewFlusher,
    PostStatsReader,
    TrendingService,
  ],
})
export class AnalyticsModule {}
