package bg.digiclub.collector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.TileCategory;

/**
 * The OpenAPI document the collector serves is a valid OpenAPI 3.0 document (swagger-parser finds
 * nothing to say), and it names exactly the problem codes, tile categories and paths the code has.
 */
class OpenApiDocumentTest {
    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    private static String document() {
        return new String(ReportApi.openApiDocument(), StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentParsesWithoutAnyMessage() {
        SwaggerParseResult result = parse(document());
        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.0.3", api.getOpenapi());
        assertEquals(
                Set.of(
                        "/api/v1/reports/programme",
                        "/api/v1/reports/programme/rows",
                        "/api/v1/reports/clubs",
                        "/api/v1/openapi.json",
                        "/api/v1/problems/{code}"),
                api.getPaths().keySet());
        assertEquals(
                "bearer",
                api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme());
    }

    @Test
    void theParserHasTeeth() {
        String broken = document()
                .replace(
                        "\"$ref\": \"#/components/schemas/ProgrammeReport\"",
                        "\"$ref\": \"#/components/schemas/Nope\"");
        assertFalse(parse(broken).getMessages().isEmpty(), "a dangling reference is reported");
    }

    @Test
    void theProblemCodesAndTileCategoriesAreTheCodes() {
        OpenAPI api = parse(document()).getOpenAPI();
        Set<String> codes = new TreeSet<>();
        for (ProblemType type : ProblemType.values()) {
            codes.add(type.code());
        }
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        Schema<?> code = (Schema<?>) problem.getProperties().get("code");
        assertEquals(codes, new TreeSet<>(names(code)));
        List<String> categories = new ArrayList<>();
        for (TileCategory category : TileCategory.values()) {
            categories.add(category.name());
        }
        assertEquals(categories, names(api.getComponents().getSchemas().get("TileCategory")));
    }

    private static List<String> names(Schema<?> schema) {
        List<String> names = new ArrayList<>();
        for (Object value : schema.getEnum()) {
            names.add(value.toString());
        }
        return names;
    }
}
