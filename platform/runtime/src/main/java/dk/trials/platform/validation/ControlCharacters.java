package dk.trials.platform.validation;

/**
 * Control characters (U+0000–U+001F, U+007F–U+009F) and unpaired surrogates in caller text. PostgreSQL refuses a NUL
 * in text and JSONB, a lone surrogate is no character at all, and the other controls only ever hide or forge what a
 * reader of the stored text, a log or an audit trail sees; no field of the API is meant to hold one.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether the text holds a control character or a surrogate that is not half of a pair. */
    public static boolean appearIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
