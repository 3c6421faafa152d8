package cn.dataelements.contest.compliance;

import cn.dataelements.contest.normalize.CreditCodes;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters over 0-9 and the upper-case
 * letters without I, O, S, V, Z; the 18th is a check character over the first 17 (weights 3^i mod 31). Positions 9-17
 * hold the organization code of GB 11714 with its own check character, which codes issued before 2015 carry over.
 */
public final class CreditCode {

    private static final String ALPHABET = CreditCodes.ALPHABET;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCode() {}

    /** Whether the code has 18 characters of the alphabet and the right check character. Null is not valid. */
    public static boolean isValid(String code) {
        if (!CreditCodes.isWellShaped(code)) {
            return false;
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException when the text is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a credit code's body has 17 characters, not " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a credit code character");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * Whether positions 9-17 are an organization code with a valid GB 11714 check character. Informative only: not
     * every valid credit code embeds one that passes (the check above is the one the standard requires).
     */
    public static boolean hasValidOrganizationCode(String code) {
        if (!isValid(code)) {
            return false;
        }
        String organization = code.substring(8, 17);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(organization.charAt(i), 36) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return organization.charAt(8) == expected;
    }

    /**
     * Whether the code names a government body (机关): registration authority 1 (机构编制) and category 1 (机关).
     * Category 2 (事业单位: universities, hospitals, institutes) under the same authority is not a government body.
     */
    public static boolean isGovernmentBody(String code) {
        return code != null && code.length() >= 2 && code.charAt(0) == '1' && code.charAt(1) == '1';
    }
}
