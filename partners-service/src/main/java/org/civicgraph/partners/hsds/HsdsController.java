package org.civicgraph.partners.hsds;

import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.Unit;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The Open Referral UK export: {@code GET /hsds/organizations} (paged as the HSDS API pages, organisations then their
 * units) and one by id, and a GraphQL field on organisations and units.
 */
@Controller
class HsdsController {

    static final int MOST_PER_PAGE = 100;

    private final HsdsExport export;
    private final JsonMapper json;

    HsdsController(HsdsExport export, JsonMapper json) {
        this.export = export;
        this.json = json;
    }

    @GetMapping(path = "/hsds/organizations", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> organizations(@RequestParam(defaultValue = "1") int page, @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        if (page < 1 || perPage < 1 || perPage > MOST_PER_PAGE) {
            return ResponseEntity.badRequest().body(Map.of("error", "page must be 1 or more and per_page between 1 and " + MOST_PER_PAGE));
        }
        return ResponseEntity.ok(export.page(page, perPage));
    }

    @GetMapping(path = "/hsds/organizations/{id}", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> organization(@PathVariable String id) {
        return export.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "No organization has the id " + id)));
    }

    @SchemaMapping(typeName = "Organisation")
    String openReferral(Organisation organisation) {
        return json.writeValueAsString(export.toHsds(organisation));
    }

    @SchemaMapping(typeName = "Unit", field = "openReferral")
    String unitOpenReferral(Unit unit) {
        return export.toHsds(unit).map(json::writeValueAsString).orElse(null);
    }
}
