-- CreateEnum
CREATE TYPE "GitAuthKind" AS ENUM ('NONE', 'TOKEN', 'SSH_KEY');

-- CreateEnum
CREATE TYPE "BuildStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "App" ADD COLUMN     "buildSettings" JSONB;

-- CreateTable
CREATE TABLE "AppSource" (
    "appId" TEXT NOT NULL,
    "url" TEXT,
    "branch" TEXT,
    "authKind" "GitAuthKind" NOT NULL DEFAULT 'NONE',
    "tokenUsername" TEXT,
    "tokenEncrypted" TEXT,
    "deployKeyPublic" TEXT,
    "deployKeyFingerprint" TEXT,
    "deployKeyPrivateEncrypted" TEXT,
    "webhookSecretEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSource_pkey" PRIMARY KEY ("appId")
);

-- CreateTable
CREATE TABLE "TeamRegistry" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "username" TEXT,
    "passwordEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamRegistry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Build" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "BuildStatus" NOT NULL DEFAULT 'QUEUED',
    "trigger" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "commitSha" TEXT NOT NULL,
    "commitAuthor" TEXT,
    "commitMessage" TEXT,
    "createdById" TEXT,
    "imageRepository" TEXT,
    "imageDigest" TEXT,
    "imageReference" TEXT,
    "layers" JSONB,
    "steps" JSONB NOT NULL,
    "settings" JSONB,
    "detected" JSONB,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "logBytes" INTEGER NOT NULL DEFAULT 0,
    "logLines" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),

    CONSTRAINT "Build_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuildLogLine" (
    "buildId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "stream" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuildLogLine_pkey" PRIMARY KEY ("buildId","seq")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "buildId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamRegistry_teamId_key" ON "TeamRegistry"("teamId");

-- CreateIndex
CREATE INDEX "Build_teamId_idx" ON "Build"("teamId");

-- CreateIndex
CREATE INDEX "Build_status_heartbeatAt_idx" ON "Build"("status", "heartbeatAt");

-- CreateIndex
CREATE UNIQUE INDEX "Build_appId_number_key" ON "Build"("appId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_appId_provider_deliveryId_key" ON "WebhookDelivery"("appId", "provider", "deliveryId");

-- AddForeignKey
ALTER TABLE "AppSource" ADD CONSTRAINT "AppSource_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamRegistry" ADD CONSTRAINT "TeamRegistry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Build" ADD CONSTRAINT "Build_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuildLogLine" ADD CONSTRAINT "BuildLogLine_buildId_fkey" FOREIGN KEY ("buildId") REFERENCES "Build"("id") ON DELETE CASCADE ON UPDATE CASCADE;
