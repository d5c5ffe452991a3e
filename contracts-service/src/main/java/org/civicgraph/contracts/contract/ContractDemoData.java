package org.civicgraph.contracts.contract;

import org.civicgraph.platform.demo.DemoDataFile;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the key contracts of the commissioning board's highlight report, after the strategies they belong to.
 * Provider names are matched to organisations only through the explicit table in {@code demo/provider-organisations.json}.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class ContractDemoData extends DemoDataLoader<RegisterContractInput> {

    static final String CONTRACTS = "demo/contracts.json";
    static final String PROVIDERS = "demo/provider-organisations.json";

    private final ContractRegister register;
    private final Map<String, ProviderAlias> providers;

    ContractDemoData(ContractRegister register) {
        super(CONTRACTS, RegisterContractInput.class);
        this.register = register;
        this.providers = providerTable(new DemoDataFile<>(PROVIDERS, ProviderAlias.class).read());
    }

    @Override
    protected boolean hasData() {
        return register.count() > 0;
    }

    @Override
    protected void importRecord(RegisterContractInput record) {
        ProviderAlias alias = providers.get(record.provider());
        register.importContract(alias == null ? record.withProviderOrganisations(List.of(), ProviderResolution.UNRESOLVED)
                : record.withProviderOrganisations(alias.organisationIds(), alias.resolution()));
    }

    static Map<String, ProviderAlias> providerTable(List<ProviderAlias> aliases) {
        return aliases.stream().collect(Collectors.toMap(ProviderAlias::writtenAs, Function.identity()));
    }
}
