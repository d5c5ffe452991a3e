package org.civicgraph.partners.organisation;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** What a valid organisation record looks like; each broken rule is refused naming the field at fault. */
final class OrganisationRules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern GSS_CODE = Pattern.compile("[EWSNK]\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
    private static final int LONGEST_SLUG = 80;
    private static final int LONGEST_NAME = 200;

    private OrganisationRules() {
    }

    static void requireSlug(String field, String slug) {
        if (slug == null || slug.length() > LONGEST_SLUG || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException(field, field + " must be lower-case words joined by hyphens, such as boston-bc,"
                    + " at most " + LONGEST_SLUG + " characters");
        }
    }

    static void check(OrganisationDetails details) {
        if (details.name() != null) {
            requireName("name", details.name());
        }
        if (details.otherNames() != null) {
            details.otherNames().forEach(other -> requireName("otherNames", other));
        }
        if (details.type() != null && details.type().isRetired()) {
            throw new InvalidInputException("type", details.type() + " is no longer used; use one of " + details.type().current());
        }
        if (details.identifiers() != null) {
            details.identifiers().forEach(OrganisationRules::requireIdentifier);
        }
        if (details.areasServed() != null) {
            details.areasServed().forEach(area -> requireGssCode("areasServed", area));
        }
        if (details.website() != null) {
            requireWebAddress("website", details.website());
        }
        if (details.contactPoints() != null) {
            details.contactPoints().forEach(OrganisationRules::requireContactPoint);
        }
        if (details.contacts() != null) {
            details.contacts().forEach(OrganisationRules::requireContact);
        }
    }

    static void requireName(String field, String name) {
        if (name == null || name.isBlank() || name.length() > LONGEST_NAME) {
            throw new InvalidInputException(field, field + " must not be blank or longer than " + LONGEST_NAME + " characters");
        }
    }

    static void requireGssCode(String field, String code) {
        if (code == null || !GSS_CODE.matcher(code).matches()) {
            throw new InvalidInputException(field, field + " must hold ONS GSS codes such as E07000136; got '" + code + "'");
        }
    }

    private static void requireIdentifier(Identifier identifier) {
        String value = identifier.value();
        if (value == null || value.isBlank() || value.length() > 40) {
            throw new InvalidInputException("identifiers", "an identifier's value must not be blank or longer than 40 characters");
        }
        boolean valid = switch (IdentifierScheme.valueOf(identifier.scheme())) {
            case ONS_GSS -> GSS_CODE.matcher(value).matches();
            case NHS_ODS -> value.matches("[A-Z0-9]{3,6}");
            case COMPANIES_HOUSE -> value.matches("[0-9]{8}|[A-Z]{2}[0-9]{6}");
            case CHARITY_NUMBER -> value.matches("[0-9]{6,7}(-[0-9]+)?");
            default -> true;
        };
        if (!valid) {
            throw new InvalidInputException("identifiers", "'" + value + "' is not a valid " + IdentifierScheme.valueOf(identifier.scheme()).label());
        }
    }

    private static void requireContactPoint(ContactPoint point) {
        String value = point.value();
        boolean valid = value != null && !value.isBlank() && switch (point.kind()) {
            case EMAIL -> EMAIL.matcher(value).matches();
            case PHONE -> PHONE.matcher(value).matches();
            case WEBSITE -> isWebAddress(value);
            case POSTAL_ADDRESS -> value.length() <= 300;
        };
        if (!valid) {
            throw new InvalidInputException("contactPoints", "'" + value + "' is not a valid " + point.kind().name().toLowerCase().replace('_', ' '));
        }
    }

    private static void requireContact(Contact contact) {
        requireName("contacts", contact.name());
        if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
            throw new InvalidInputException("contacts", "a contact's email must be an address such as name@example.org");
        }
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            throw new InvalidInputException("contacts", "a contact's phone must be a telephone number");
        }
    }

    static void requireWebAddress(String field, String address) {
        if (!isWebAddress(address)) {
            throw new InvalidInputException(field, field + " must be an https:// address, such as https://www.boston.gov.uk");
        }
    }

    private static boolean isWebAddress(String address) {
        try {
            URI uri = URI.create(address);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
