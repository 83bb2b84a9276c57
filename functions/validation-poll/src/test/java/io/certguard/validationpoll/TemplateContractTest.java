package io.certguard.validationpoll;

import io.certguard.testing.FunctionContract;
import org.junit.jupiter.api.Test;

/** template.yaml's ValidationPollFunction names this module's handler and sets every variable the function reads. */
class TemplateContractTest {

    @Test
    void templateNamesTheHandlerAndSetsEveryVariable() throws Exception {
        FunctionContract.verify("ValidationPollFunction", ValidationPollLambda.class, ValidationPollWiring.VARIABLES);
    }
}
