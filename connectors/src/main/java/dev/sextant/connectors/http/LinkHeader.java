package dev.sextant.connectors.http;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paging by the {@code Link} header (RFC 8288), as GitHub pages its lists. */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private LinkHeader() {
    }

    /** The {@code rel="next"} target, resolved against the response's URI; empty on the last page. */
    public static Optional<URI> next(SourceResponse response) {
        return response.headers().allValues("Link").stream()
                .flatMap(value -> rel(value, "next").stream())
                .findFirst()
                .map(target -> response.uri().resolve(target));
    }

    static Optional<String> rel(String header, String rel) {
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher params = REL.matcher(link.group(2));
            while (params.find()) {
                for (String r : params.group(1).strip().split("\\s+")) {
                    if (r.equalsIgnoreCase(rel)) {
                        return Optional.of(link.group(1));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
