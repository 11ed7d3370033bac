package io.vigil.ledger;

class InMemoryLedgerTest extends SyncLedgerContract {

    @Override
    protected SyncLedger open() {
        return new InMemoryLedger();
    }
}
