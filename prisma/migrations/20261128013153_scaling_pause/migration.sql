-- AlterTable
ALTER TABLE "App" ADD COLUMN     "pausedReplicas" INTEGER;

-- CreateTable
CREATE TABLE "ReplicaSample" (
    "id" BIGSERIAL NOT NULL,
    "appId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "desired" INTEGER NOT NULL,
    "ready" INTEGER NOT NULL,

    CONSTRAINT "ReplicaSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplicaSample_appId_at_idx" ON "ReplicaSample"("appId", "at");

-- AddForeignKey
ALTER TABLE "ReplicaSample" ADD CONSTRAINT "ReplicaSample_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

