package dev.sextant.connectors.gdrive;

import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.SourceFixture;

/** The connector contract against {@link FakeDrive}. */
class DriveConnectorTest extends ConnectorContractTest {

    @Override
    protected SourceFixture newFixture() {
        return new DriveFixture(20);
    }
}
