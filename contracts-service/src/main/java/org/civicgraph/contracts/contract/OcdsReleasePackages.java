package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.ContractsProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a contract as an OCDS 1.1 release package of one release, tagged {@code contract} (or
 * {@code contractUpdate}, {@code contractAmendment} once it has changed). The contract's period carries the
 * interpreted term ({@code startDate}, {@code endDate} of the current period, {@code maxExtentDate}); reviews and
 * extension options are milestones; amendments are OCDS amendments. Internal fields are never exported.
 * The ocid prefix is configurable; the default {@code ocds-civicgraph-} is a placeholder, not a registered prefix.
 */
@Component
class OcdsReleasePackages {

    static final String OCDS_VERSION = "1.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContractsProperties properties;

    OcdsReleasePackages(ContractsProperties properties) {
        this.properties = properties;
    }

    String json(Contract contract) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(releasePackage(contract));
    }

    Map<String, Object> releasePackage(Contract contract) {
        Map<String, Object> releasePackage = new LinkedHashMap<>();
        releasePackage.put("uri", properties.publicBaseUrl().resolve("/ocds/contracts/" + contract.getId()).toString());
        releasePackage.put("version", OCDS_VERSION);
        releasePackage.put("publishedDate", dateTime(contract.getLastChangedAt()));
        releasePackage.put("publisher", Map.of("name", "CivicGraph contracts register for " + contract.getOwnerOrganisation()));
        releasePackage.put("releases", List.of(release(contract)));
        return releasePackage;
    }

    private Map<String, Object> release(Contract contract) {
        String awardId = contract.getId() + "-award";
        Map<String, Object> supplier = supplier(contract);
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("id", contract.getOwnerOrganisation());
        buyer.put("name", contract.getOwnerOrganisation());
        Map<String, Object> buyerParty = new LinkedHashMap<>(buyer);
        buyerParty.put("roles", List.of("buyer", "procuringEntity"));
        Map<String, Object> supplierParty = new LinkedHashMap<>(supplier);
        supplierParty.put("roles", List.of("supplier"));

        Map<String, Object> award = new LinkedHashMap<>();
        award.put("id", awardId);
        award.put("status", "active");
        award.put("suppliers", List.of(supplier));
        putIfPresent(award, "value", value(contract));
        award.put("contractPeriod", period(contract.getTerm()));

        Map<String, Object> ocdsContract = new LinkedHashMap<>();
        ocdsContract.put("id", contract.getId());
        ocdsContract.put("awardID", awardId);
        ocdsContract.put("title", contract.getService());
        ocdsContract.put("description", description(contract));
        ocdsContract.put("status", status(contract.getTerm()));
        ocdsContract.put("period", period(contract.getTerm()));
        putIfPresent(ocdsContract, "value", value(contract));
        List<Map<String, Object>> milestones = milestones(contract);
        if (!milestones.isEmpty()) {
            ocdsContract.put("milestones", milestones);
        }
        if (!contract.getAmendments().isEmpty()) {
            ocdsContract.put("amendments", contract.getAmendments().stream().map(OcdsReleasePackages::amendment).toList());
        }

        Map<String, Object> release = new LinkedHashMap<>();
        release.put("ocid", properties.ocidPrefix() + contract.getId());
        release.put("id", contract.getId() + "-" + contract.getRevision());
        release.put("date", dateTime(contract.getLastChangedAt()));
        release.put("tag", List.of(tag(contract)));
        release.put("initiationType", "tender");
        release.put("parties", List.of(buyerParty, supplierParty));
        release.put("buyer", buyer);
        release.put("awards", List.of(award));
        release.put("contracts", List.of(ocdsContract));
        release.put("language", "en");
        return release;
    }

    /** The provider as one party: the organisation's slug when the name names exactly one, else the name as written. */
    private static Map<String, Object> supplier(Contract contract) {
        Map<String, Object> supplier = new LinkedHashMap<>();
        String organisation = contract.getProviderOrganisationId();
        supplier.put("id", organisation != null ? organisation : contract.getId() + "-provider");
        supplier.put("name", contract.getProvider());
        return supplier;
    }

    private static String description(Contract contract) {
        ContractTerm term = contract.getTerm();
        StringBuilder description = new StringBuilder("Key contract of the commissioning strategy ").append(contract.getStrategyId());
        if (term.asWritten() != null) {
            description.append(". Term as written: ").append(term.asWritten());
        }
        if (term.flaggedForReview()) {
            description.append(" (not interpreted: ").append(term.flagReason()).append(")");
        }
        if (contract.getPerformance() != null) {
            description.append(". Performance: ").append(contract.getPerformance());
        }
        return description.toString();
    }

    private static String status(ContractTerm term) {
        return term.endDate() != null && term.endDate().isBefore(LocalDate.now(ContractRegister.UK)) ? "terminated" : "active";
    }

    private static String tag(Contract contract) {
        if (!contract.getAmendments().isEmpty()) {
            return "contractAmendment";
        }
        return contract.getRevision() > 1 ? "contractUpdate" : "contract";
    }

    private static Map<String, Object> period(ContractTerm term) {
        Map<String, Object> period = new LinkedHashMap<>();
        putIfPresent(period, "startDate", startOfDay(term.startDate()));
        putIfPresent(period, "endDate", endOfDay(term.endDate()));
        putIfPresent(period, "maxExtentDate", endOfDay(term.maxExtentDate()));
        if (term.startDate() != null && term.endDate() != null) {
            period.put("durationInDays", ChronoUnit.DAYS.between(term.startDate(), term.endDate()) + 1);
        }
        return period;
    }

    private static Map<String, Object> value(Contract contract) {
        if (contract.getValue() == null) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("amount", contract.getValue());
        value.put("currency", "GBP");
        return value;
    }

    private static List<Map<String, Object>> milestones(Contract contract) {
        List<Map<String, Object>> milestones = new ArrayList<>();
        ContractReview review = contract.getReview();
        if (review != null && review.asWritten() != null) {
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("id", "review");
            milestone.put("title", "Contract review");
            milestone.put("type", "assessment");
            milestone.put("description", "Review as written: " + review.asWritten() + ". Decides: " + review.decides());
            putIfPresent(milestone, "dueDate", endOfDay(review.dueDate()));
            milestone.put("status", "scheduled");
            milestones.add(milestone);
        }
        for (ExtensionOption option : contract.getTerm().extensionOptions()) {
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("id", "extension-option-" + option.number());
            milestone.put("title", "Extension option " + option.number()
                    + (option.months() == null ? "" : " (" + option.months() + " months)"));
            milestone.put("type", "approval");
            milestone.put("description", "Decision to extend the contract"
                    + (option.startDate() == null ? "" : " from " + option.startDate() + " to " + option.endDate())
                    + ": " + option.state() + (option.note() == null ? "" : ". " + option.note()));
            putIfPresent(milestone, "dueDate", startOfDay(option.startDate()));
            switch (option.state()) {
                case AVAILABLE -> milestone.put("status", "scheduled");
                case EXERCISED -> {
                    milestone.put("status", "met");
                    milestone.put("dateMet", startOfDay(option.decidedOn()));
                }
                case DECLINED -> {
                    milestone.put("status", "notMet");
                    milestone.put("dateModified", startOfDay(option.decidedOn()));
                }
            }
            milestones.add(milestone);
        }
        return milestones;
    }

    private static Map<String, Object> amendment(ContractAmendment amendment) {
        Map<String, Object> ocds = new LinkedHashMap<>();
        ocds.put("id", amendment.id());
        ocds.put("date", startOfDay(amendment.date()));
        ocds.put("rationale", amendment.rationale());
        ocds.put("description", amendment.description());
        return ocds;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String startOfDay(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private static String endOfDay(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atTime(LocalTime.of(23, 59, 59)).atOffset(ZoneOffset.UTC));
    }

    private static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
