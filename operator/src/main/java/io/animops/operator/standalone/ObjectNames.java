package io.animops.operator.standalone;

import io.animops.crds.validation.SchemaViolation;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The name rules of the API server (k8s.io/apimachinery validation): most kinds, custom resources included, take a
 * DNS-1123 subdomain; Namespaces a DNS-1123 label. The messages are the API server's own.
 */
final class ObjectNames {
    private static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FORMAT = LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*";
    private static final Pattern LABEL = Pattern.compile(LABEL_FORMAT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
    static final int LABEL_MAX_LENGTH = 63;
    static final int SUBDOMAIN_MAX_LENGTH = 253;
    private static final String FIELD = "metadata.name";
    /** The API server's alphabet for generated names: no vowels (no words), no 0, 1 or 3 (no look-alikes). */
    private static final String GENERATED_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private static final int GENERATED_LENGTH = 5;
    private static final int GENERATE_NAME_MAX_LENGTH = LABEL_MAX_LENGTH - GENERATED_LENGTH;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private ObjectNames() {}

    /**
     * A name for {@code metadata.generateName}, as the API server makes it: the prefix (cut to 58 characters) and five
     * random characters. Random rather than counted, so that a restarted embedded API does not make a stored name again.
     */
    static String generated(String generateName) {
        StringBuilder name =
                new StringBuilder(generateName.substring(0, Math.min(generateName.length(), GENERATE_NAME_MAX_LENGTH)));
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            name.append(GENERATED_ALPHABET.charAt(RANDOM.nextInt(GENERATED_ALPHABET.length())));
        }
        return name.toString();
    }

    /** What is wrong with the name of an object of this resource, if anything. */
    static Optional<SchemaViolation> violation(String group, String plural, String name) {
        boolean namespace = group.isEmpty() && plural.equals("namespaces");
        return namespace ? labelViolation(name) : subdomainViolation(name);
    }

    static Optional<SchemaViolation> subdomainViolation(String name) {
        if (name.length() > SUBDOMAIN_MAX_LENGTH) {
            return Optional.of(invalid(name, "must be no more than " + SUBDOMAIN_MAX_LENGTH + " characters"));
        }
        if (!SUBDOMAIN.matcher(name).matches()) {
            return Optional.of(invalid(
                    name,
                    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
                            + "'example.com', regex used for validation is '" + SUBDOMAIN_FORMAT + "')"));
        }
        return Optional.empty();
    }

    static Optional<SchemaViolation> labelViolation(String name) {
        if (name.length() > LABEL_MAX_LENGTH) {
            return Optional.of(invalid(name, "must be no more than " + LABEL_MAX_LENGTH + " characters"));
        }
        if (!LABEL.matcher(name).matches()) {
            return Optional.of(invalid(
                    name,
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric "
                            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
                            + " or '123-abc', regex used for validation is '" + LABEL_FORMAT + "')"));
        }
        return Optional.empty();
    }

    private static SchemaViolation invalid(String name, String why) {
        return new SchemaViolation(FIELD, "Invalid value: \"" + name + "\": " + why);
    }
}
