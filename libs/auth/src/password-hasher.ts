import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

// OWASP's argon2id minimum (19 MiB, t=2): ~40 ms here, and 20 parallel sign-ups fit in memory.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Burns the same time as a real verify when the user does not exist. */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummy ??= this.hash('nexus-dummy-password-for-timing');
    await this.verify(await this.dummy, password);
    return false;
  }
}
