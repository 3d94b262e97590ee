import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // citext gives case-insensitive unique usernames and emails without lower() indexes.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
  }

  public async down(): Promise<void> {
    // The extension may be shared with other schemas; leave it.
  }
}
