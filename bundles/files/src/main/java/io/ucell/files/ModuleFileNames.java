package io.ucell.files;

/**
 * File names the module accepts (u-blox AT manuals): 1 to 248 characters, printable ASCII, none of
 * {@code / \ : * ? " < > |}. Checked before any AT command is sent.
 */
public final class ModuleFileNames {
    /** Longest name. */
    public static final int MAX_LENGTH = 248;
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private ModuleFileNames() {
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /** Returns the name, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static String require(String name) {
        String p = problem(name);
        if (p != null) {
            throw new IllegalArgumentException("invalid module file name '" + name + "': " + p);
        }
        return name;
    }

    /** What is wrong with a name, or null. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "character " + i + " is not printable ASCII";
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "character '" + c + "' is not allowed";
            }
        }
        return null;
    }
}
