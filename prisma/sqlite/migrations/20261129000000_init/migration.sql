-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "date" TEXT
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleJa" TEXT,
    "date" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "originJa" TEXT,
    "completeness" TEXT NOT NULL,
    "note" TEXT,
    "noteJa" TEXT,
    "releaseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Document_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentSource" (
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("documentId", "ordinal"),
    CONSTRAINT "DocumentSource_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Clause" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "headingJa" TEXT,
    "text" TEXT NOT NULL,
    "textJa" TEXT,
    "note" TEXT,
    "noteJa" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Clause_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClauseTopic" (
    "clauseId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    PRIMARY KEY ("clauseId", "dimensionId"),
    CONSTRAINT "ClauseTopic_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClauseTopic_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClauseSource" (
    "clauseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("clauseId", "ordinal"),
    CONSTRAINT "ClauseSource_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClauseSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ordinal" INTEGER NOT NULL,
    "fromDocumentId" TEXT NOT NULL,
    "fromClauseId" TEXT,
    "toDocumentId" TEXT NOT NULL,
    "toClauseId" TEXT,
    "relation" TEXT NOT NULL,
    "note" TEXT,
    "noteJa" TEXT,
    CONSTRAINT "Alignment_fromDocumentId_fkey" FOREIGN KEY ("fromDocumentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alignment_toDocumentId_fkey" FOREIGN KEY ("toDocumentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alignment_fromClauseId_fkey" FOREIGN KEY ("fromClauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alignment_toClauseId_fkey" FOREIGN KEY ("toClauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Party" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameJa" TEXT,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "noteJa" TEXT
);

-- CreateTable
CREATE TABLE "Dimension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "labelJa" TEXT,
    "description" TEXT NOT NULL,
    "descriptionJa" TEXT
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partyId" TEXT NOT NULL,
    "actor" TEXT,
    "dimensionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "statementJa" TEXT,
    "speaker" TEXT NOT NULL,
    "speakerJa" TEXT,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "noteJa" TEXT,
    "releaseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Position_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Position_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Position_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionClause" (
    "positionId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    PRIMARY KEY ("positionId", "clauseId"),
    CONSTRAINT "PositionClause_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionClause_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionDocument" (
    "positionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    PRIMARY KEY ("positionId", "documentId"),
    CONSTRAINT "PositionDocument_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionSource" (
    "positionId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("positionId", "ordinal"),
    CONSTRAINT "PositionSource_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Coder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "method" TEXT,
    "methodJa" TEXT,
    "codedOn" TEXT
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clauseId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "coderId" TEXT NOT NULL,
    "score" INTEGER,
    "rationale" TEXT NOT NULL,
    "rationaleJa" TEXT,
    "confidence" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Assessment_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assessment_coderId_fkey" FOREIGN KEY ("coderId") REFERENCES "Coder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentEvidence" (
    "assessmentId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    PRIMARY KEY ("assessmentId", "positionId"),
    CONSTRAINT "AssessmentEvidence_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessmentEvidence_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "coverage" TEXT,
    "note" TEXT,
    "noteJa" TEXT,
    "counts" TEXT NOT NULL,
    "appliedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DocumentSource_sourceId_idx" ON "DocumentSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Clause_documentId_number_key" ON "Clause"("documentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Clause_documentId_ordinal_key" ON "Clause"("documentId", "ordinal");

-- CreateIndex
CREATE INDEX "ClauseTopic_dimensionId_idx" ON "ClauseTopic"("dimensionId");

-- CreateIndex
CREATE INDEX "ClauseSource_sourceId_idx" ON "ClauseSource"("sourceId");

-- CreateIndex
CREATE INDEX "Alignment_fromDocumentId_toDocumentId_idx" ON "Alignment"("fromDocumentId", "toDocumentId");

-- CreateIndex
CREATE INDEX "Alignment_fromClauseId_idx" ON "Alignment"("fromClauseId");

-- CreateIndex
CREATE INDEX "Alignment_toClauseId_idx" ON "Alignment"("toClauseId");

-- CreateIndex
CREATE INDEX "Position_partyId_dimensionId_idx" ON "Position"("partyId", "dimensionId");

-- CreateIndex
CREATE INDEX "Position_date_idx" ON "Position"("date");

-- CreateIndex
CREATE INDEX "PositionClause_clauseId_idx" ON "PositionClause"("clauseId");

-- CreateIndex
CREATE INDEX "PositionDocument_documentId_idx" ON "PositionDocument"("documentId");

-- CreateIndex
CREATE INDEX "PositionSource_sourceId_idx" ON "PositionSource"("sourceId");

-- CreateIndex
CREATE INDEX "Assessment_partyId_idx" ON "Assessment"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_clauseId_partyId_coderId_key" ON "Assessment"("clauseId", "partyId", "coderId");

-- CreateIndex
CREATE INDEX "AssessmentEvidence_positionId_idx" ON "AssessmentEvidence"("positionId");
