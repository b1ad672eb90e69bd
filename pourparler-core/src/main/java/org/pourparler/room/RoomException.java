package org.pourparler.room;

import org.pourparler.model.PourparlerException;

/** What a seat or the convener asked of a room that the room refuses, in a plain sentence; nothing changed. */
public final class RoomException extends PourparlerException {
    private static final long serialVersionUID = 1L;

    public RoomException(String message) {
        super(message, null);
    }
}
