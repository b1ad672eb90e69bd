package org.pourparler.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A room as stored. The room engine owns {@code state} and {@code spec}; this layer keeps them.
 *
 * @param id internal id (never shown in a response)
 * @param publicId the random id in its URLs
 * @param convenerId its convener
 * @param createdAt when it was created
 * @param title its title
 * @param open an open room (the convener sees the parties' profiles) or a blind one (a blind mediator)
 * @param state the engine's state word, e.g. {@code waiting}
 * @param deadlineAt its wall-clock deadline, if any (stored, so it survives restarts)
 * @param spec the engine's JSON description of the room
 */
public record Room(long id, String publicId, long convenerId, Instant createdAt, String title, boolean open,
                   String state, Optional<Instant> deadlineAt, String spec) {}
