import { MigrationInterface, QueryRunner } from 'typeorm';

export class SocialGraph1795500000000 implements MigrationInterface {
  name = 'SocialGraph1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "blocks" (
                "blocker_id" bigint NOT NULL,
                "blocked_id" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "blocks_not_self" CHECK (blocker_id <> blocked_id),
                CONSTRAINT "PK_806f6a5d38d031cdd868fd5e37e" PRIMARY KEY ("blocker_id", "blocked_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "follows" (
                "follower_id" bigint NOT NULL,
                "followee_id" bigint NOT NULL,
                "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "follows_not_self" CHECK (follower_id <> followee_id),
                CONSTRAINT "PK_f9294bbb1517cfd99f06f534fe7" PRIMARY KEY ("follower_id", "followee_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "follows_follower_seq_idx" ON "follows" ("follower_id", "seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "follows_followee_seq_idx" ON "follows" ("followee_id", "seq")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "last_active_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "blocks"
            ADD CONSTRAINT "FK_74f530c6fbffc357047b263818d" FOREIGN KEY ("blocker_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "blocks"
            ADD CONSTRAINT "FK_8aa6c887bed61ad10829450f2f0" FOREIGN KEY ("blocked_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "follows"
            ADD CONSTRAINT "FK_54b5dc2739f2dea57900933db66" FOREIGN KEY ("follower_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "follows"
            ADD CONSTRAINT "FK_1984b177379388946c21afcdaa9" FOREIGN KEY ("followee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "follows" DROP CONSTRAINT "FK_1984b177379388946c21afcdaa9"
        `);
    await queryRunner.query(`
            ALTER TABLE "follows" DROP CONSTRAINT "FK_54b5dc2739f2dea57900933db66"
        `);
    await queryRunner.query(`
            ALTER TABLE "blocks" DROP CONSTRAINT "FK_8aa6c887bed61ad10829450f2f0"
        `);
    await queryRunner.query(`
            ALTER TABLE "blocks" DROP CONSTRAINT "FK_74f530c6fbffc357047b263818d"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "last_active_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."follows_followee_seq_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."follows_follower_seq_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "follows"
        `);
    await queryRunner.query(`
            DROP TABLE "blocks"
        `);
  }
}
