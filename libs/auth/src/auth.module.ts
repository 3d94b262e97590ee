import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '@nexus/core';
import { UsersModule } from '@nexus/users';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([RefreshTokenEntity]),
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        secret: env.JWT_SECRET,
        signOptions: {
          algorithm: 'HS256',
          expiresIn: env.JWT_ACCESS_TTL_SECONDS,
          keyid: env.JWT_KEY_ID,
        },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, TokensService, PasswordHasher, AccessTokenVerifier],
  exports: [AccessTokenVerifier, AuthService, TokensService, PasswordHasher],
})
export class AuthModule {}
