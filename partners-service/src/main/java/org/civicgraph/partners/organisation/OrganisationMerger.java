package org.civicgraph.partners.organisation;

import org.civicgraph.partners.organisation.OrganisationInputs.MergeOrganisationsInput;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * Merges a duplicate record into the one that stays. Two documents change and MongoDB may have no transactions, so
 * the survivor takes in the duplicate first and the duplicate becomes a pointer second: if the second write never
 * happens the duplicate is still listed and a repeated merge completes it (taking in is idempotent), and at no
 * moment does the duplicate's id lead nowhere.
 */
@Service
class OrganisationMerger {

    private final Organisations organisations;
    private final OrganisationChanges changes;
    private final OrganisationAccess access;

    OrganisationMerger(Organisations organisations, OrganisationChanges changes, OrganisationAccess access) {
        this.organisations = organisations;
        this.changes = changes;
        this.access = access;
    }

    Organisation merge(MergeOrganisationsInput input) {
        access.requireCanChange(input.mergedId());
        Caller caller = access.requireCanChange(input.survivorId());
        if (input.mergedId().equals(input.survivorId())) {
            throw new InvalidInputException("survivorId", "an organisation cannot be merged into itself");
        }
        Organisation duplicate = changes.load("mergedId", input.mergedId());
        Organisation survivor = ConflictRetry.run(() -> {
            Organisation stays = changes.load("survivorId", input.survivorId());
            if (stays.getStatus() == OrganisationStatus.CLOSED) {
                throw new InvalidInputException("survivorId", input.survivorId() + " is closed; merge into an active organisation");
            }
            OrganisationChanges.HeldKeys before = OrganisationChanges.HeldKeys.of(stays);
            return stays.absorb(changes.load("mergedId", input.mergedId()), caller.subject()) ? changes.save(stays, before) : stays;
        });
        ConflictRetry.run(() -> {
            Organisation merged = changes.load("mergedId", duplicate.getId());
            merged.markMergedInto(survivor, LocalDate.now(), caller.subject());
            return organisations.save(merged);
        });
        return survivor;
    }
}
