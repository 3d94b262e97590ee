import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerConsumers1795520000000 implements MigrationInterface {
  name = 'WorkerConsumers1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "queue" character varying(64) NOT NULL,
                "name" character varying(64) NOT NULL,
                "job_id" character varying(255) NOT NULL,
                "data" jsonb NOT NULL,
                "opts" jsonb,
                "run_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "outbox_job_id_key" UNIQUE ("job_id"),
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "post_stats_daily" (
                "post_id" bigint NOT NULL,
                "day" date NOT NULL,
                "views" bigint NOT NULL DEFAULT '0',
                "likes" integer NOT NULL DEFAULT '0',
                "comments" integer NOT NULL DEFAULT '0',
                "shares" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_7f3c63e59b86caeda3b911f5ed4" PRIMARY KEY ("post_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "analytics_processed_events" (
                "event_key" character varying(255) NOT NULL,
                "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b3277e01afe9a32790af065ffe8" PRIMARY KEY ("event_key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "analytics_processed_events_at_idx" ON "analytics_processed_events" ("processed_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "recipient_id" bigint NOT NULL,
                "type" character varying(32) NOT NULL,
                "actor_id" bigint,
                "post_id" bigint,
                "poll_id" bigint,
                "comment_id" bigint,
                "dedupe_key" character varying(200) NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "notifications_recipient_dedupe_key" UNIQUE ("recipient_id", "dedupe_key"),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_unread_idx" ON "notifications" ("recipient_id", "id")
            WHERE read_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notifications_recipient_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notifications_unread_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."analytics_processed_events_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "analytics_processed_events"
        `);
    await queryRunner.query(`
            DROP TABLE "post_stats_daily"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
  }
}
