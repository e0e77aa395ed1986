package dev.contentpipeline.search.answers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * Writes a search endpoint's 200 answer itself, as Spring MVC's JSON converter would (Boot's {@link JsonMapper},
 * {@code Content-Type: application/json}, {@code Content-Length}), without Spring MVC's return value handling: it
 * chose a handler, listed the producible media types and negotiated them for every request, about 5 % of
 * search-service's CPU per suggestion (README, round 41). A request whose {@code Accept} admits no JSON is still
 * answered 406.
 */
@Component
public class JsonAnswer {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON);

    private final JsonMapper jsonMapper;

    JsonAnswer(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, Object answer)
            throws IOException, HttpMediaTypeNotAcceptableException {
        if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCED);
        }
        byte[] json = jsonMapper.writeValueAsBytes(answer);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /**
     * Whether an {@code Accept} header (null when absent) admits {@code application/json}: absent, or naming it, a
     * wildcard that covers it, without {@code q=0}.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank() || accept.equals("*/*")
                || accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return true;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0) {
                    return true;
                }
            }
            return false;
        }
        catch (IllegalArgumentException e) {
            // Not a list of media types (Spring MVC's negotiation answered it 406 too).
            return false;
        }
    }
}
