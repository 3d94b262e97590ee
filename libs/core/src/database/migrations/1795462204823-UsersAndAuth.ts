import { MigrationInterface, QueryRunner } from 'typeorm';

export class UsersAndAuth1795462204823 implements MigrationInterface {
  name = 'UsersAndAuth1795462204823';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "username" citext NOT NULL,
                "email" citext NOT NULL,
                "password_hash" text NOT NULL,
                "display_name" character varying(60),
                "bio" character varying(500),
                "avatar_url" character varying(2048),
                "role" character varying(10) NOT NULL DEFAULT 'user',
                "followers_count" integer NOT NULL DEFAULT '0',
                "following_count" integer NOT NULL DEFAULT '0',
                "posts_count" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "users_email_key" UNIQUE ("email"),
                CONSTRAINT "users_username_key" UNIQUE ("username"),
                CONSTRAINT "users_counts_non_negative" CHECK (
                    followers_count >= 0
                    AND following_count >= 0
                    AND posts_count >= 0
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL,
                "user_id" bigint NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "replaced_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_expires_idx" ON "refresh_tokens" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_family_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_expires_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
  }
}
