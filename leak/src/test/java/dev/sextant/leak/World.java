package dev.sextant.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The world the leak suite searches, in plain strings and without the acl module's types: people, each
 * source's groups with their direct members (people, source accounts, other groups), identity links from an
 * email to source accounts, and documents with their ACLs (clauses of principal strings; none: nobody reads
 * it). Every document carries marker tokens that occur nowhere else, so any text shown to a reader says
 * which documents it came from. Mutable: a test changes it together with the system under test.
 */
final class World {

    static final String PUBLIC = "public";

    /** Finds every document named in a text: by its document marker, a chunk marker or its id. */
    static final Pattern MARKER = Pattern.compile("(mk|ck|doc-)(\\d{5})(n\\d+)?");

    /** Someone who signs in: their verified email and the identity provider's group names. */
    record Person(String email, Set<String> idpGroups) {

        Person {
            idpGroups = Set.copyOf(idpGroups);
        }

        String domain() {
            return email.substring(email.indexOf('@') + 1);
        }
    }

    /**
     * A document.
     *
     * @param acl    its clauses, each a set of principal strings; empty when its ACL is unknown
     * @param chunks the text of each chunk
     */
    record Doc(int number, List<Set<String>> acl, String title, List<String> chunks) {

        Doc {
            acl = acl.stream().map(Set::copyOf).toList();
            chunks = List.copyOf(chunks);
        }

        String id() {
            return idOf(number);
        }

        Doc withAcl(List<Set<String>> newAcl) {
            return new Doc(number, newAcl, title, chunks);
        }
    }

    final long seed;
    final List<Person> people;
    /** The words every document mixes in, so that queries match across ACLs. */
    final List<String> vocabulary;
    /** Group principal to its direct members: {@code user:}, {@code account:} and {@code group:} principals. */
    final Map<String, Set<String>> members = new TreeMap<>();
    /** Email to the source accounts linked to it. */
    final Map<String, Set<String>> links = new TreeMap<>();
    final Map<Integer, Doc> docs = new TreeMap<>();

    World(long seed, List<Person> people, List<String> vocabulary) {
        this.seed = seed;
        this.people = List.copyOf(people);
        this.vocabulary = List.copyOf(vocabulary);
    }

    static String idOf(int number) {
        return String.format("doc-%05d", number);
    }

    static String docMarker(int number) {
        return String.format("mk%05d", number);
    }

    static String chunkMarker(int number, int chunk) {
        return String.format("ck%05dn%d", number, chunk);
    }

    static int numberOf(String docId) {
        if (!docId.matches("doc-\\d{5}")) {
            throw new IllegalArgumentException("not a document id of this world: " + docId);
        }
        return Integer.parseInt(docId.substring(4));
    }

    /** The markers in a text ({@code mk01234}, {@code ck01234n0}, {@code doc-01234}), each with its document's number. */
    static List<Named> named(String text) {
        List<Named> found = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            found.add(new Named(Integer.parseInt(m.group(2)), m.group()));
        }
        return found;
    }

    /** A marker found in a text. */
    record Named(int number, String token) {
    }

    /** A world of only these documents, each public: what an index holding only one reader's documents holds. */
    World publicCopyOf(Set<Integer> numbers) {
        World copy = new World(seed, people, vocabulary);
        numbers.forEach(n -> copy.docs.put(n, docs.get(n).withAcl(List.of(Set.of(PUBLIC)))));
        return copy;
    }
}
