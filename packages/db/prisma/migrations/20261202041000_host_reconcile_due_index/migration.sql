-- CreateIndex
CREATE INDEX "host_reconcile_due_at_idx" ON "host"("reconcile_due_at");
