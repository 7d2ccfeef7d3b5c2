-- A counter that every write to the tables the matrix and the comparison read, and to the settings, raises in the
-- writer's own transaction: the server caches what it read from those tables under the version it saw and reads
-- again when the version moved, whoever wrote (this server, another process, a command-line import, a hand-edited
-- database). See lib/data/data-version.ts.

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" BIGINT NOT NULL DEFAULT 0
);

INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- CreateTrigger: one per table and kind of write (SQLite triggers are per row; one writer at a time, so no contention)
CREATE TRIGGER "Document_data_version_insert" AFTER INSERT ON "Document" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Document_data_version_update" AFTER UPDATE ON "Document" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Document_data_version_delete" AFTER DELETE ON "Document" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Clause_data_version_insert" AFTER INSERT ON "Clause" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Clause_data_version_update" AFTER UPDATE ON "Clause" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Clause_data_version_delete" AFTER DELETE ON "Clause" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClauseTopic_data_version_insert" AFTER INSERT ON "ClauseTopic" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClauseTopic_data_version_update" AFTER UPDATE ON "ClauseTopic" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClauseTopic_data_version_delete" AFTER DELETE ON "ClauseTopic" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Party_data_version_insert" AFTER INSERT ON "Party" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Party_data_version_update" AFTER UPDATE ON "Party" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Party_data_version_delete" AFTER DELETE ON "Party" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Dimension_data_version_insert" AFTER INSERT ON "Dimension" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Dimension_data_version_update" AFTER UPDATE ON "Dimension" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Dimension_data_version_delete" AFTER DELETE ON "Dimension" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Position_data_version_insert" AFTER INSERT ON "Position" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Position_data_version_update" AFTER UPDATE ON "Position" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Position_data_version_delete" AFTER DELETE ON "Position" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionClause_data_version_insert" AFTER INSERT ON "PositionClause" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionClause_data_version_update" AFTER UPDATE ON "PositionClause" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionClause_data_version_delete" AFTER DELETE ON "PositionClause" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionDocument_data_version_insert" AFTER INSERT ON "PositionDocument" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionDocument_data_version_update" AFTER UPDATE ON "PositionDocument" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionDocument_data_version_delete" AFTER DELETE ON "PositionDocument" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Coder_data_version_insert" AFTER INSERT ON "Coder" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Coder_data_version_update" AFTER UPDATE ON "Coder" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Coder_data_version_delete" AFTER DELETE ON "Coder" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Assessment_data_version_insert" AFTER INSERT ON "Assessment" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Assessment_data_version_update" AFTER UPDATE ON "Assessment" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Assessment_data_version_delete" AFTER DELETE ON "Assessment" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AssessmentEvidence_data_version_insert" AFTER INSERT ON "AssessmentEvidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AssessmentEvidence_data_version_update" AFTER UPDATE ON "AssessmentEvidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AssessmentEvidence_data_version_delete" AFTER DELETE ON "AssessmentEvidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Release_data_version_insert" AFTER INSERT ON "Release" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Release_data_version_update" AFTER UPDATE ON "Release" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Release_data_version_delete" AFTER DELETE ON "Release" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Setting_data_version_insert" AFTER INSERT ON "Setting" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Setting_data_version_update" AFTER UPDATE ON "Setting" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Setting_data_version_delete" AFTER DELETE ON "Setting" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Alignment_data_version_insert" AFTER INSERT ON "Alignment" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Alignment_data_version_update" AFTER UPDATE ON "Alignment" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Alignment_data_version_delete" AFTER DELETE ON "Alignment" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Source_data_version_insert" AFTER INSERT ON "Source" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Source_data_version_update" AFTER UPDATE ON "Source" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Source_data_version_delete" AFTER DELETE ON "Source" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DocumentSource_data_version_insert" AFTER INSERT ON "DocumentSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DocumentSource_data_version_update" AFTER UPDATE ON "DocumentSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DocumentSource_data_version_delete" AFTER DELETE ON "DocumentSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClauseSource_data_version_insert" AFTER INSERT ON "ClauseSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClauseSource_data_version_update" AFTER UPDATE ON "ClauseSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClauseSource_data_version_delete" AFTER DELETE ON "ClauseSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionSource_data_version_insert" AFTER INSERT ON "PositionSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionSource_data_version_update" AFTER UPDATE ON "PositionSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PositionSource_data_version_delete" AFTER DELETE ON "PositionSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
