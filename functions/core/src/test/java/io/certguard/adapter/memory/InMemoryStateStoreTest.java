package io.certguard.adapter.memory;

import io.certguard.state.StateStore;
import io.certguard.testing.StateStoreContract;

class InMemoryStateStoreTest extends StateStoreContract {

    @Override
    protected StateStore store() {
        return new InMemoryStateStore();
    }
}
