package org.pourparler.io.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading input files with a size limit and clear errors. */
public final class SourceFiles {
    /** The largest scenario file read: larger inputs are refused before parsing. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private SourceFiles() { }

    /** The file's text (UTF-8, or Latin-1 when it is not valid UTF-8), refusing files over {@link #MAX_BYTES}. */
    public static String read(Path file) throws ScenarioFormatException {
        return read(file, MAX_BYTES);
    }

    public static String read(Path file, long maxBytes) throws ScenarioFormatException {
        String name = file.toString();
        try {
            requireRegularFile(file);
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ScenarioFormatException(name, null, "is " + size + " bytes; scenario files are limited to "
                        + maxBytes + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxBytes) {
                throw new ScenarioFormatException(name, null, "is larger than the limit of " + maxBytes + " bytes");
            }
            return decode(bytes);
        } catch (NoSuchFileException e) {
            throw new ScenarioFormatException(name, null, "no such file");
        } catch (IOException e) {
            throw new ScenarioFormatException(name, null, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Refuses anything but a regular file (after links): a folder, and above all a FIFO, a device or a
     * socket, whose reading would block forever or never end.
     */
    public static void requireRegularFile(Path file) throws ScenarioFormatException {
        String name = file.toString();
        if (Files.isRegularFile(file)) return;
        if (Files.isDirectory(file)) throw new ScenarioFormatException(name, null, "is a folder, not a file");
        if (!Files.exists(file)) throw new ScenarioFormatException(name, null, "no such file");
        throw new ScenarioFormatException(name, null, "is not a regular file (a FIFO, a device or a socket); "
                + "only regular files are read");
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }
}
