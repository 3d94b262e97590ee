import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule, JwtAuthGuard, RolesGuard } from '@nexus/auth';
import { SocialGraphModule } from '@nexus/social-graph';
import { UsersModule } from '@nexus/users';
import { GqlThrottlerGuard } from '../throttling/gql-throttler.guard';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersController } from '../users/users.controller';
import { UsersResolver } from '../users/users.resolver';
import { AuthController } from './auth.controller';
import { AuthResolver } from './auth.resolver';

/** Accounts and sessions over both doors. Guard order: rate limit, then JWT, then roles. */
@Module({
  imports: [AuthModule, UsersModule, SocialGraphModule, ThrottlingModule],
  controllers: [AuthController, UsersController],
  providers: [
    AuthResolver,
    UsersResolver,
    { provide: APP_GUARD, useClass: GqlThrottlerGuard },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthApiModule {}
