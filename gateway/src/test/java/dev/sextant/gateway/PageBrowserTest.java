package dev.sextant.gateway;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test of the page shares: a fresh headless Chromium on the test server for each test,
 * once the demo corpus is indexed, closed afterwards. Skipped where Chromium is missing ({@link PageBrowser}).
 */
abstract class PageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    IndexingService indexing;

    protected PageBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException, InterruptedException {
        browser = PageBrowser.start(base);
        IndexedCorpus.await(indexing);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
