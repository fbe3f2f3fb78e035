package dev.sextant.connectors.confluence;

import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.SourceFixture;

/** The contract against {@link ConfluenceServer}. */
class ConfluenceConnectorTest extends ConnectorContractTest {

    ConfluenceFixture confluence;

    @Override
    protected SourceFixture newFixture() {
        confluence = new ConfluenceFixture(4);
        return confluence;
    }
}
