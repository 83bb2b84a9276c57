package io.certguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;

/**
 * Checks one function's entry in template.yaml against its code: the {@code Handler} names an existing public class
 * with a public no-argument constructor and the stream-handler method, and every environment variable the function
 * reads is set by the template (Globals plus the function's own).
 */
public final class FunctionContract {

    private FunctionContract() {
    }

    public static void verify(String logicalId, Class<?> expectedHandler, Set<String> variablesRead) throws Exception {
        SamTemplate template = SamTemplate.load();
        Map<String, Object> properties = template.properties(logicalId);

        String handler = (String) properties.get("Handler");
        assertThat(handler).as("%s Handler", logicalId).isEqualTo(expectedHandler.getName() + "::handleRequest");
        Class<?> handlerClass = Class.forName(handler.substring(0, handler.indexOf("::")));
        assertThat(Modifier.isPublic(handlerClass.getModifiers())).as("handler class is public").isTrue();
        assertThat(handlerClass.getConstructor()).as("public no-argument constructor").isNotNull();
        Method method = handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
        assertThat(Modifier.isPublic(method.getModifiers())).isTrue();

        assertThat(template.environment(logicalId).keySet())
                .as("variables %s reads that template.yaml must set", logicalId)
                .containsAll(variablesRead);
    }
}
