-- A counter that every write to the tables the matrix and the comparison read, and to the settings, raises in the
-- writer's own transaction: the server caches what it read from those tables under the version it saw and reads
-- again when the version moved, whoever wrote (this server, another process, a command-line import, a hand-edited
-- database). See lib/data/data-version.ts.

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- The bump runs once per transaction and at its commit (a deferred constraint trigger), so the counter's row lock is
-- the last lock a writer takes and is held only while it commits: concurrent writers queue there briefly and can
-- never deadlock on it. A reader that sees the old version reads data at least as old; one that sees the new
-- version sees the new data, because both become visible at the same commit.
CREATE FUNCTION "redlines_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('redlines.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('redlines.data_version_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$$;

-- CreateTrigger: one per table
CREATE CONSTRAINT TRIGGER "Document_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Document" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Clause_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Clause" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ClauseTopic_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ClauseTopic" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Party_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Party" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Dimension_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Dimension" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Position_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Position" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PositionClause_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PositionClause" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PositionDocument_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PositionDocument" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Coder_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Coder" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Assessment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Assessment" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "AssessmentEvidence_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AssessmentEvidence" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Release_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Release" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Setting_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Setting" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Alignment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Alignment" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Source_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Source" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "DocumentSource_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DocumentSource" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ClauseSource_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ClauseSource" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PositionSource_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PositionSource" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "redlines_bump_data_version"();
