package io.certguard.scan;

import io.certguard.testing.FunctionContract;
import org.junit.jupiter.api.Test;

/** template.yaml's ScanFunction names this module's handler and sets every variable the function reads. */
class TemplateContractTest {

    @Test
    void templateNamesTheHandlerAndSetsEveryVariable() throws Exception {
        FunctionContract.verify("ScanFunction", ScanLambda.class, ScanWiring.VARIABLES);
    }
}
