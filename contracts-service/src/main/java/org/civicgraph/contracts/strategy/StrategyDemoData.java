package org.civicgraph.contracts.strategy;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the strategies of the commissioning board's highlight report into an empty register, before their key contracts. */
@Component
@Order(1)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class StrategyDemoData extends DemoDataLoader<StrategyRegistration> {

    private final StrategyRegister register;

    StrategyDemoData(StrategyRegister register) {
        super("demo/strategies.json", StrategyRegistration.class);
        this.register = register;
    }

    @Override
    protected boolean hasData() {
        return register.count() > 0;
    }

    @Override
    protected void importRecord(StrategyRegistration record) {
        register.register(CommissioningStrategy.register(record));
    }
}
