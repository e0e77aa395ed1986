package dev.contentpipeline.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTopLevelFieldTests {

    @Test
    void readsAStringField() {
        assertThat(JsonTopLevelField.read("{\"name\": \"France\", \"code\" : \"FR\"}", "code")).contains("FR");
    }

    @Test
    void readsANumberAsText() {
        assertThat(JsonTopLevelField.read("{\"id\":42,\"title\":\"x\"}", "id")).contains("42");
    }

    @Test
    void skipsFieldsOfNestedObjectsAndArrays() {
        String json = "{\"meta\":{\"id\":\"nested\"},\"tags\":[\"id\",{\"id\":\"in-array\"}],\"id\":\"top\"}";

        assertThat(JsonTopLevelField.read(json, "id")).contains("top");
    }

    @Test
    void isNotFooledByTheFieldNameInsideAValue() {
        String json = "{\"title\":\"a \\\"quoted\\\" ,\\\"id\\\":\\\"fake\\\"\",\"id\":\"real\"}";

        assertThat(JsonTopLevelField.read(json, "id")).contains("real");
    }

    @Test
    void unescapesTheValue() {
        assertThat(JsonTopLevelField.read("{\"id\":\"caf\\u00e9\\/1\"}", "id")).contains("café/1");
    }

    @Test
    void isEmptyWhenTheFieldIsMissingOrNull() {
        assertThat(JsonTopLevelField.read("{\"code\":\"FR\"}", "id")).isEmpty();
        assertThat(JsonTopLevelField.read("{\"id\":null}", "id")).isEmpty();
    }
}
