package dev.sextant.connectors.github;

import java.io.IOException;

/** What a request to GitHub authenticates with: a personal access token, or a GitHub App's installation token. */
interface GitHubAuth {

    /** The {@code Authorization} header value for the next request. */
    String authorization() throws IOException, InterruptedException;

    /** True for an installation of a GitHub App, whose repositories are those it was installed on. */
    boolean app();

    static GitHubAuth token(String token) {
        return new GitHubAuth() {
            @Override
            public String authorization() {
                return "Bearer " + token;
            }

            @Override
            public boolean app() {
                return false;
            }
        };
    }
}
