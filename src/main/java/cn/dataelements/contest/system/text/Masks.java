package cn.dataelements.contest.system.text;

/**
 * Personal data as lists and exports show it to whoever does not need it in full: a phone as 138****0001, an e-mail
 * as z***@example.cn, an ID number as 370602********1234. Text that is none of these is shown masked all the same,
 * keeping only its first and last characters.
 */
public final class Masks {

    private Masks() {}

    /** The first three and the last four digits of a phone number. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** The first character of the mailbox and the whole domain. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        return at <= 0 ? "****" : email.charAt(0) + "***" + email.substring(at);
    }

    /** A phone or an e-mail, whichever the text is. */
    public static String contact(String contact) {
        if (contact == null || contact.isBlank()) {
            return "";
        }
        return contact.contains("@") ? email(contact.strip()) : phone(contact);
    }

    /** The first six characters (the region) and the last four of an ID number. */
    public static String idNumber(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String text = id.strip();
        return text.length() < 10
                ? "****"
                : text.substring(0, 6) + "*".repeat(text.length() - 10) + text.substring(text.length() - 4);
    }
}
