package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sextant.gateway.accounts.UserCommand;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An account that {@code ./sextant user add} creates while the server runs can sign in at once; removed, it cannot. */
@QuarkusTest
class UserSignInTest {

    @ConfigProperty(name = "sextant.data-dir")
    Path dataDir;

    @Test
    void anAccountAddedByTheCommandWhileTheServerRunsSignsIn() throws Exception {
        UserCommandProcess.Result add = UserCommandProcess.run(dataDir, UserCommandTest.PASSWORD + "\n",
                "add", "frank", "--email", "Frank@Example.com", "--group", "legal");
        assertThat(add.code()).as(add.output()).isEqualTo(UserCommand.OK);
        try {
            given().auth().preemptive().basic("frank", UserCommandTest.PASSWORD)
                    .get("/api/session")
                    .then().statusCode(200)
                    .body("signed_in", equalTo(true))
                    .body("username", equalTo("frank"))
                    .body("email", equalTo("frank@example.com"))
                    .body("roles", equalTo(java.util.List.of("employee")));
            given().auth().preemptive().basic("frank", "correct horse batterY")
                    .get("/api/session")
                    .then().statusCode(401);
        } finally {
            UserCommandProcess.Result remove = UserCommandProcess.run(dataDir, "", "remove", "frank");
            assertThat(remove.code()).as(remove.output()).isEqualTo(UserCommand.OK);
        }
        given().auth().preemptive().basic("frank", UserCommandTest.PASSWORD)
                .get("/api/session")
                .then().statusCode(401);
    }
}
