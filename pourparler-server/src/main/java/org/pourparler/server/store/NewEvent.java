package org.pourparler.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * An event to append: the log gives it its number and time.
 *
 * <pre>{@code
 * NewEvent.of(0, "offer", "{\"price\":\"high\"}", Audience.all())
 * }</pre>
 *
 * @param seat the acting seat, or {@link #ROOM}
 * @param type a non-empty name of letters, digits, '.', '-' and '_' (it becomes the SSE event name)
 * @param payload JSON text, stored compact on one line (so it is one SSE data line)
 * @param audience who may see it
 */
public record NewEvent(int seat, String type, String payload, Audience audience) {
    /** The seat number of events of the room itself: the engine, the mediator, the clock. */
    public static final int ROOM = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(audience, "audience");
        if (seat < ROOM) throw new IllegalArgumentException("An event's seat must be -1 (the room) or at least 0, but was " + seat);
        if (type.isEmpty() || type.length() > 64 || !type.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'))) {
            throw new IllegalArgumentException("An event type must be 1 to 64 letters, digits, '.', '-' or '_', but was '" + type + "'");
        }
        payload = compact(payload);
    }

    /** The event, its payload checked to be JSON. */
    public static NewEvent of(int seat, String type, String payloadJson, Audience audience) {
        return new NewEvent(seat, type, payloadJson, audience);
    }

    /** The event with a payload built as a JSON tree. */
    public static NewEvent of(int seat, String type, JsonNode payload, Audience audience) {
        return new NewEvent(seat, type, payload.toString(), audience);
    }

    private static String compact(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) throw new IllegalArgumentException("An event payload must be JSON, but was empty");
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event payload must be JSON: " + e.getOriginalMessage(), e);
        }
    }
}
