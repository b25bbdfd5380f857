package io.jmpi.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret of one job: 256 random bits that jrun draws for each job and hands to the ranks and host agents in
 * their environment or on the agent's standard input, never on a command line. Every frame of the job carries a
 * token derived from it, so a process that knows only what anyone can see of the job (its id, which names its
 * directory and stands in {@code ps}, and the layout of its frames) cannot have a frame accepted.
 * <p>
 * This keeps out strangers who cannot read the job's memory: other users, and processes of the same user outside
 * the job, which see the job's id but not its environment or buffers. It does not keep out someone who can read
 * the job's shared memory or sniff its network: the token travels in clear in every frame.
 */
public final class JobSecret
{
    /** Bytes of a secret jrun draws: 256 bits. */
    private static final int DRAWN_BYTES = 32;
    /** Fewer bits than this could be guessed: 128 bits is the least a secret given in the environment may have. */
    private static final int MIN_HEX_DIGITS = 32;

    private JobSecret()
    {
    }

    /**
     * @return a new secret of 256 bits from {@link SecureRandom}, as hex digits.
     */
    public static String generate()
    {
        final byte[] bytes = new byte[DRAWN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param secret a secret as it came in the environment.
     * @throws IllegalStateException if it is not hex digits or holds fewer than 128 bits.
     */
    static void validate(final String secret)
    {
        if (secret.length() < MIN_HEX_DIGITS || !secret.chars().allMatch(c -> Character.digit(c, 16) >= 0))
        {
            throw new IllegalStateException(JobEnvironment.SECRET + " is not a secret of at least 128 bits (" +
                MIN_HEX_DIGITS + " hex digits): start ranks with jrun");
        }
    }

    /**
     * The token in every frame of the job.
     *
     * @param secret the job's secret.
     * @return the token.
     */
    static long frameToken(final String secret)
    {
        return derive(secret, "jmpi frame token");
    }

    /**
     * A token for one purpose: the first 64 bits of SHA-256 over the purpose and the secret, so that a token
     * reveals nothing of the secret nor of the job's other tokens, and no other job's secret yields it by more
     * than chance (2^-64).
     *
     * @param secret  the job's secret.
     * @param purpose what the token is for, distinct for each use.
     * @return the token.
     */
    public static long derive(final String secret, final String purpose)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(purpose.getBytes(StandardCharsets.UTF_8));
            digest.update((byte)0);
            final byte[] hash = digest.digest(secret.getBytes(StandardCharsets.US_ASCII));
            long token = 0;
            for (int i = 0; i < Long.BYTES; i++)
            {
                token = (token << 8) | (hash[i] & 0xFF);
            }
            return token;
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
