package bg.digiclub.collector.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The schemas of the collector's OpenAPI document ({@code openapi/digiclub-collector.json} on the
 * class path, the resource the server serves), read by a real validator with the OpenAPI 3.0
 * dialect ({@code nullable} and all): the API's tests check every JSON body they receive with it.
 */
final class OpenApiSchemas {
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The validator's messages for {@code json} against {@code #/components/schemas/<name>}; empty if valid. */
    List<String> errors(String name, String json) {
        Schema schema = schemas.computeIfAbsent(
                name,
                n -> registry.getSchema(
                        SchemaLocation.of("classpath:" + ReportApi.OPENAPI_RESOURCE + "#/components/schemas/" + n)));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }
}
