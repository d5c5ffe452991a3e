package org.civicgraph.contracts.contract;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Publishes each contract as an OCDS 1.1 release package, for open-contracting tools that read JSON over HTTP. */
@RestController
class OcdsController {

    private final ContractRegister register;
    private final OcdsReleasePackages packages;

    OcdsController(ContractRegister register, OcdsReleasePackages packages) {
        this.register = register;
        this.packages = packages;
    }

    @GetMapping(path = "/ocds/contracts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> releasePackage(@PathVariable String id) {
        return register.find(id)
                .map(contract -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(packages.json(contract)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
