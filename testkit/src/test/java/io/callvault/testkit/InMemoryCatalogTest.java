package io.callvault.testkit;

import io.callvault.vault.spi.Catalog;

class InMemoryCatalogTest extends CatalogContract {

    @Override
    protected Catalog newCatalog() {
        return new InMemoryCatalog();
    }
}
