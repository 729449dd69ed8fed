package io.ucell.http.at;

import java.util.List;
import java.util.Locale;

/** +UHTTPC content types: 0-5 the module's own, 6 a user defined one given as a string (at most 64 characters). */
public final class ContentTypes {
    public static final int USER_DEFINED = 6;
    public static final int MAX_USER_DEFINED = 64;
    static final List<String> KNOWN = List.of("application/x-www-form-urlencoded", "text/plain",
            "application/octet-stream", "multipart/form-data", "application/json", "application/xml");

    private ContentTypes() {
    }

    /** The module's number for the type, or {@link #USER_DEFINED}. */
    public static int code(String contentType) {
        int i = KNOWN.indexOf(contentType.trim().toLowerCase(Locale.ROOT));
        return i >= 0 ? i : USER_DEFINED;
    }
}
