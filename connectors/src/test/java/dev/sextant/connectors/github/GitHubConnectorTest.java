package dev.sextant.connectors.github;

import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;

/** The connector contract against {@link FakeGitHub}, with pages of two so that every listing pages. */
class GitHubConnectorTest extends ConnectorContractTest {

    @Override
    protected SourceFixture newFixture() throws IOException {
        return new GitHubFixture(2);
    }
}
