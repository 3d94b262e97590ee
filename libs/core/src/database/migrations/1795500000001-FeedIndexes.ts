import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedIndexes1795500000001 implements MigrationInterface {
  name = 'FeedIndexes1795500000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "posts_live_author_idx" ON "posts" ("author_id", "id")
            WHERE deleted_at IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."posts_live_author_idx"
        `);
  }
}
