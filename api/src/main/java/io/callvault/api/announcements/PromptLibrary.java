package io.callvault.api.announcements;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The recording announcements the server plays, as the API manages them: the built-in prompts, the
 * configured {@code announcement.file} and the prompts operators upload per language. Implemented by the
 * server (which also chooses a prompt per call, see docs/announcements.md); the API only lists, stores and
 * removes. Implementations are thread-safe, and a change is in effect for the next call that starts after
 * the method returns.
 *
 * <p>Languages are language tags in the form {@code io.callvault.policy.rules.LanguageTags} checks
 * ({@code de}, {@code fr-CA}); an implementation refuses any other form with an
 * {@link IllegalArgumentException}.
 */
public interface PromptLibrary {
    /**
     * Every prompt that can be played: operator prompts, built-in prompts (an operator prompt for the same
     * language takes precedence) and the announcement file, ordered by language, then operator before
     * built-in, with the file last.
     */
    List<PromptInfo> list();

    /**
     * Stores {@code wav} as the operator prompt for {@code language}, replacing any earlier one (re-putting
     * is allowed and overwrites). The file is validated completely before anything is written; a failure
     * leaves the previous prompt in place.
     *
     * @return the stored prompt, source {@link PromptInfo.Source#OPERATOR}
     * @throws IllegalArgumentException when the language is not a tag, or the WAV is not acceptable; the
     *                                  message says what is wrong and how to convert the file, and is meant
     *                                  to be shown to the operator as it is
     * @throws IOException              when the prompt could not be stored
     */
    PromptInfo put(String language, byte[] wav) throws IOException;

    /**
     * Removes the operator prompt for {@code language}; calls in that language then get the built-in prompt
     * or the fallback. Removing what is not there changes nothing and is not an error.
     *
     * @return the removed prompt, or empty when there was no operator prompt for the language (built-in
     *         prompts and the announcement file cannot be removed)
     * @throws IllegalArgumentException when the language is not a tag
     * @throws IOException              when the stored prompt could not be deleted; it stays in use
     */
    Optional<PromptInfo> remove(String language) throws IOException;
}
