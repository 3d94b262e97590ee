import { MigrationInterface, QueryRunner } from 'typeorm';

export class Polls1795471722787 implements MigrationInterface {
  name = 'Polls1795471722787';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "polls" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "author_id" bigint NOT NULL,
                "question" character varying(300) NOT NULL,
                "description" character varying(1000),
                "allows_multiple" boolean NOT NULL DEFAULT false,
                "hide_totals" boolean NOT NULL DEFAULT false,
                "starts_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "votes_count" integer NOT NULL DEFAULT '0',
                "voters_count" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "polls_counts_non_negative" CHECK (
                    votes_count >= 0
                    AND voters_count >= 0
                ),
                CONSTRAINT "PK_b9bbb8fc7b142553c518ddffbb6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "polls_author_id_idx" ON "polls" ("author_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "polls_expires_at_idx" ON "polls" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "polls_created_at_idx" ON "polls" ("created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_options" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "poll_id" bigint NOT NULL,
                "position" smallint NOT NULL,
                "text" character varying(200) NOT NULL,
                "votes_count" integer NOT NULL DEFAULT '0',
                CONSTRAINT "poll_options_poll_position_key" UNIQUE ("poll_id", "position"),
                CONSTRAINT "poll_options_votes_non_negative" CHECK (votes_count >= 0),
                CONSTRAINT "PK_f52aac4865d291e3658dedf9083" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_voters" (
                "poll_id" bigint NOT NULL,
                "user_id" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b4e1d41a3b2442977cd9a17e0ea" PRIMARY KEY ("poll_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "poll_voters_user_id_idx" ON "poll_voters" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_votes" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "poll_id" bigint NOT NULL,
                "option_id" bigint NOT NULL,
                "user_id" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "poll_votes_poll_user_option_key" UNIQUE ("poll_id", "user_id", "option_id"),
                CONSTRAINT "PK_b94b2749fdb5f5dd3836b8f907a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "FK_cbaa9d73b247188cbacaa53c0cb" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_options"
            ADD CONSTRAINT "FK_c00cc693afceae746fa82c0a558" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters"
            ADD CONSTRAINT "FK_028f7a60e4ef19154608e20a83f" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters"
            ADD CONSTRAINT "FK_d919a901b50a278220986993195" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_votes"
            ADD CONSTRAINT "FK_433367a9fe86d90e66637310b65" FOREIGN KEY ("option_id") REFERENCES "poll_options"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_votes"
            ADD CONSTRAINT "FK_56885e986785605f7697cbc0033" FOREIGN KEY ("poll_id", "user_id") REFERENCES "poll_voters"("poll_id", "user_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_56885e986785605f7697cbc0033"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_433367a9fe86d90e66637310b65"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters" DROP CONSTRAINT "FK_d919a901b50a278220986993195"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters" DROP CONSTRAINT "FK_028f7a60e4ef19154608e20a83f"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_options" DROP CONSTRAINT "FK_c00cc693afceae746fa82c0a558"
        `);
    await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "FK_cbaa9d73b247188cbacaa53c0cb"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_votes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."poll_voters_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_voters"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_options"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."polls_created_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."polls_expires_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."polls_author_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "polls"
        `);
  }
}
