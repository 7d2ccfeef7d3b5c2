-- AlterTable
ALTER TABLE "Document" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "Document" ADD COLUMN "reviewNote" TEXT;

-- AlterTable
ALTER TABLE "Clause" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "Clause" ADD COLUMN "reviewNote" TEXT;

-- AlterTable
ALTER TABLE "Position" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "Position" ADD COLUMN "reviewNote" TEXT;

-- CreateTable
CREATE TABLE "ReleaseChange" (
    "releaseId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "change" TEXT NOT NULL,

    PRIMARY KEY ("releaseId", "entityType", "entityId"),
    CONSTRAINT "ReleaseChange_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clauseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "exact" TEXT,
    "prefix" TEXT,
    "suffix" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "anchoredText" TEXT,
    "anchorStatus" TEXT NOT NULL DEFAULT 'anchored',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "Annotation_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnotationTag" (
    "annotationId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,

    PRIMARY KEY ("annotationId", "dimensionId"),
    CONSTRAINT "AnnotationTag_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnnotationTag_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ordinal" INTEGER NOT NULL,
    "fromDocumentId" TEXT NOT NULL,
    "fromClauseId" TEXT,
    "toDocumentId" TEXT NOT NULL,
    "toClauseId" TEXT,
    "relation" TEXT NOT NULL,
    "note" TEXT,
    "noteJa" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'reference',
    "confidence" REAL,
    CONSTRAINT "Alignment_fromDocumentId_fkey" FOREIGN KEY ("fromDocumentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alignment_toDocumentId_fkey" FOREIGN KEY ("toDocumentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alignment_fromClauseId_fkey" FOREIGN KEY ("fromClauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alignment_toClauseId_fkey" FOREIGN KEY ("toClauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Alignment" ("fromClauseId", "fromDocumentId", "id", "note", "noteJa", "ordinal", "relation", "toClauseId", "toDocumentId") SELECT "fromClauseId", "fromDocumentId", "id", "note", "noteJa", "ordinal", "relation", "toClauseId", "toDocumentId" FROM "Alignment";
DROP TABLE "Alignment";
ALTER TABLE "new_Alignment" RENAME TO "Alignment";
CREATE INDEX "Alignment_fromDocumentId_toDocumentId_idx" ON "Alignment"("fromDocumentId", "toDocumentId");
CREATE INDEX "Alignment_fromClauseId_idx" ON "Alignment"("fromClauseId");
CREATE INDEX "Alignment_toClauseId_idx" ON "Alignment"("toClauseId");
CREATE TABLE "new_Coder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "method" TEXT,
    "methodJa" TEXT,
    "codedOn" TEXT,
    "userId" TEXT,
    CONSTRAINT "Coder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Coder" ("codedOn", "id", "kind", "method", "methodJa", "name") SELECT "codedOn", "id", "kind", "method", "methodJa", "name" FROM "Coder";
DROP TABLE "Coder";
ALTER TABLE "new_Coder" RENAME TO "Coder";
CREATE UNIQUE INDEX "Coder_userId_key" ON "Coder"("userId");
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clauseId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "coderId" TEXT NOT NULL,
    "score" INTEGER,
    "rationale" TEXT NOT NULL,
    "rationaleJa" TEXT,
    "confidence" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'final',
    "inheritedFromId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assessment_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assessment_coderId_fkey" FOREIGN KEY ("coderId") REFERENCES "Coder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Assessment" ("clauseId", "coderId", "confidence", "id", "partyId", "rationale", "rationaleJa", "score", "version") SELECT "clauseId", "coderId", "confidence", "id", "partyId", "rationale", "rationaleJa", "score", "version" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE INDEX "Assessment_partyId_idx" ON "Assessment"("partyId");
CREATE UNIQUE INDEX "Assessment_clauseId_partyId_coderId_key" ON "Assessment"("clauseId", "partyId", "coderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReleaseChange_entityType_entityId_idx" ON "ReleaseChange"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "Annotation_clauseId_idx" ON "Annotation"("clauseId");

-- CreateIndex
CREATE INDEX "Annotation_parentId_idx" ON "Annotation"("parentId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
