package org.civicgraph.contracts.strategy;

import org.civicgraph.platform.demo.DemoDataFile;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the strategies and key contracts of the commissioning board's highlight report into an empty register. */
@Component
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class StrategyDemoData implements ApplicationRunner {

    private final StrategyRegister register;

    StrategyDemoData(StrategyRegister register) {
        this.register = register;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (register.count() > 0) {
            return;
        }
        new DemoDataFile<>("demo/strategies.json", StrategyRegistration.class)
                .importEach(registration -> register.register(CommissioningStrategy.register(registration)));
    }
}
