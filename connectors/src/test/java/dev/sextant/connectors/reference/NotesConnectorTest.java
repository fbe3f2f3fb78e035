package dev.sextant.connectors.reference;

import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;

/** The contract, run against the reference source: proves the contract test and the framework themselves. */
class NotesConnectorTest extends ConnectorContractTest {

    @Override
    protected SourceFixture newFixture() throws IOException {
        return new NotesFixture();
    }
}
