package dev.sextant.connectors.confluence;

import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.SourceFixture;

/** The contract against {@link ConfluenceServer#dataCenter}: v1 only, a context path, a personal access token. */
class ConfluenceDataCenterConnectorTest extends ConnectorContractTest {

    @Override
    protected SourceFixture newFixture() {
        return ConfluenceFixture.dataCenter(4);
    }
}
