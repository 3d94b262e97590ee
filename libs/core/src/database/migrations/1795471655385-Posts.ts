import { MigrationInterface, QueryRunner } from 'typeorm';

export class Posts1795471655385 implements MigrationInterface {
  name = 'Posts1795471655385';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "posts" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "author_id" bigint NOT NULL,
                "title" character varying(200),
                "content" text NOT NULL,
                "media_url" character varying(2048),
                "like_count" integer NOT NULL DEFAULT '0',
                "comment_count" integer NOT NULL DEFAULT '0',
                "share_count" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "posts_content_length" CHECK (
                    char_length(content) BETWEEN 1 AND 5000
                ),
                CONSTRAINT "posts_counts_non_negative" CHECK (
                    like_count >= 0
                    AND comment_count >= 0
                    AND share_count >= 0
                ),
                CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "comments" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "post_id" bigint NOT NULL,
                "author_id" bigint NOT NULL,
                "content" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "comments_content_length" CHECK (
                    char_length(content) BETWEEN 1 AND 2000
                ),
                CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "comments_author_id_idx" ON "comments" ("author_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "comments_post_id_idx" ON "comments" ("post_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "likes" (
                "post_id" bigint NOT NULL,
                "user_id" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_723da61de46f65bb3e3096750d2" PRIMARY KEY ("post_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "likes_user_id_idx" ON "likes" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "shares" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "post_id" bigint NOT NULL,
                "user_id" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "shares_post_id_user_id_key" UNIQUE ("post_id", "user_id"),
                CONSTRAINT "PK_b88473409066c43c2ccb1894a82" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "shares_user_id_idx" ON "shares" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "posts"
            ADD CONSTRAINT "FK_312c63be865c81b922e39c2475e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "FK_259bf9825d9d198608d1b46b0b5" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "likes"
            ADD CONSTRAINT "FK_741df9b9b72f328a6d6f63e79ff" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "likes"
            ADD CONSTRAINT "FK_3f519ed95f775c781a254089171" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shares"
            ADD CONSTRAINT "FK_876fddcf3965fbcd1dd78a4b283" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shares"
            ADD CONSTRAINT "FK_a8aded2f90f448876f7fe63eab4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "shares" DROP CONSTRAINT "FK_a8aded2f90f448876f7fe63eab4"
        `);
    await queryRunner.query(`
            ALTER TABLE "shares" DROP CONSTRAINT "FK_876fddcf3965fbcd1dd78a4b283"
        `);
    await queryRunner.query(`
            ALTER TABLE "likes" DROP CONSTRAINT "FK_3f519ed95f775c781a254089171"
        `);
    await queryRunner.query(`
            ALTER TABLE "likes" DROP CONSTRAINT "FK_741df9b9b72f328a6d6f63e79ff"
        `);
    await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "FK_e6d38899c31997c45d128a8973b"
        `);
    await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "FK_259bf9825d9d198608d1b46b0b5"
        `);
    await queryRunner.query(`
            ALTER TABLE "posts" DROP CONSTRAINT "FK_312c63be865c81b922e39c2475e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."shares_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "shares"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."likes_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "likes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."comments_post_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."comments_author_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."posts_author_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "posts"
        `);
  }
}
