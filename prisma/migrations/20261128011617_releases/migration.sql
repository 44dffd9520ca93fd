-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('PENDING', 'WAITING', 'DEPLOYING', 'AVAILABLE', 'FAILED', 'SUPERSEDED');

-- AlterTable
ALTER TABLE "App" ADD COLUMN     "autoDeploy" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "autoDeployPausedAt" TIMESTAMP(3),
ADD COLUMN     "runSettings" JSONB,
ADD COLUMN     "secretsEncrypted" TEXT;

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "clusterId" TEXT;

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kubeconfigEncrypted" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "serverVersion" TEXT,
    "checkedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "imageReference" TEXT NOT NULL,
    "imageUser" TEXT,
    "buildId" TEXT,
    "commitSha" TEXT,
    "settings" JSONB NOT NULL,
    "secretsEncrypted" TEXT,
    "reason" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rollbackOfVersion" INTEGER,
    "createdById" TEXT,
    "createdByEmail" TEXT,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'PENDING',
    "statusMessage" TEXT,
    "timeline" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_teamId_name_key" ON "Cluster"("teamId", "name");

-- CreateIndex
CREATE INDEX "Release_teamId_idx" ON "Release"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Release_appId_version_key" ON "Release"("appId", "version");

-- AddForeignKey
ALTER TABLE "Environment" ADD CONSTRAINT "Environment_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
