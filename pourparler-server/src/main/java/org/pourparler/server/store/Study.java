package org.pourparler.server.store;

import java.time.Instant;

/**
 * A research study as stored: a room template whose one participant link gives each person a room of
 * their own (docs/server.md, "Research studies").
 *
 * @param id internal id (never shown)
 * @param publicId the random id in the convener's URLs
 * @param convenerId its convener
 * @param createdAt when it was created
 * @param title its title
 * @param template the JSON body each participant's room is opened with ({@code {"scenario", "settings"}})
 * @param participantSeat the seat the participant takes (every other seat is a built-in agent)
 * @param redirectUrl where a participant continues when done, with {@code {code}} and {@code {pid}}; empty for none
 * @param maxRooms how many participants (rooms) the study takes at most
 */
public record Study(long id, String publicId, long convenerId, Instant createdAt, String title, String template,
                   int participantSeat, String redirectUrl, int maxRooms) {

    /** A study just created or given a new link, with the link's token (shown once: only its hash is stored). */
    public record Issued(Study study, String token) {}

    /**
     * One participant of a study.
     *
     * @param study the study's internal id
     * @param room the participant's room (internal id)
     * @param number 1, 2, ... in the order they arrived
     * @param pid the id they came with ({@code ?pid=}), or empty
     * @param completionCode their completion code (shown to them once their room has ended)
     * @param createdAt when they opened the link
     */
    public record Participant(long study, long room, int number, String pid, String completionCode, Instant createdAt) {}
}
