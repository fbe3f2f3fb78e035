package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page in the {@code oidc} mode, in a real browser against the real Keycloak: the page sends the visitor to
 * Keycloak's login page (authorization code with PKCE), back on the search page they search as themselves, and
 * signing out ends Keycloak's session too, so that the next visit asks for the password again.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@EnabledIfEnvironmentVariable(named = Keycloak.URL_VARIABLE, matches = ".+", disabledReason = Keycloak.NOT_RUNNING)
class OidcBrowserTest extends PageBrowserTest {

    @Test
    void signInThroughKeycloakSearchAndSignOutOfBoth() {
        WebDriver driver = browser.driver();
        driver.get(browser.base().toString());
        String loginUrl = keycloakLoginPage(driver);
        assertThat(loginUrl).startsWith(Keycloak.issuer("sextant") + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("client_id=sextant");

        driver.findElement(By.id("username")).sendKeys("bob");
        driver.findElement(By.id("password")).sendKeys(Keycloak.password("bob"));
        driver.findElement(By.id("kc-login")).click();

        browser.await().until(ExpectedConditions.textToBe(By.id("user-name"), "bob"));
        assertThat(driver.getCurrentUrl()).isEqualTo(browser.base().toString());
        browser.search("runway");
        assertThat(browser.hits()).as("bob's search finds the finance report")
                .anyMatch(hit -> hit.getText().contains("Q3"));

        browser.byId("sign-out").click();
        keycloakLoginPage(driver);
        driver.get(browser.base().toString());
        keycloakLoginPage(driver);
        assertThat(driver.findElement(By.id("password")).isDisplayed())
                .as("after signing out, a new visit asks for the password again").isTrue();
    }

    /** Waits for Keycloak's login form and returns the URL it was reached at. */
    private String keycloakLoginPage(WebDriver driver) {
        browser.await().until(d -> d.getCurrentUrl().startsWith(Keycloak.url())
                && !d.findElements(By.id("kc-login")).isEmpty());
        return driver.getCurrentUrl();
    }
}
