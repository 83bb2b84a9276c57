package io.certguard.upload;

import io.certguard.testing.FunctionContract;
import org.junit.jupiter.api.Test;

/** template.yaml's UploadFunction names this module's handler and sets every variable the function reads. */
class TemplateContractTest {

    @Test
    void templateNamesTheHandlerAndSetsEveryVariable() throws Exception {
        FunctionContract.verify("UploadFunction", UploadLambda.class, UploadWiring.VARIABLES);
    }
}
