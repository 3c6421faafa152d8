package cn.dataelements.contest.support;

/** Route files as an admin writes them, for the tests that add routes by files. */
public final class RouteFileTexts {

    private RouteFileTexts() {}

    /**
     * A mailbox route file on the test's GreenMail, polled fast; without a password, it comes from the route's
     * secrets file.
     */
    public static String mailbox(String account, String password) {
        String parameters = """
                - templatedRoute:
                    routeTemplateRef: mailbox
                    parameters:
                      - name: protocol
                        value: imap
                      - name: host
                        value: "127.0.0.1"
                      - name: port
                        value: "{{intake.mail.port}}"
                      - name: username
                        value: "%s"
                      - name: pollDelay
                        value: "250"
                """.formatted(account);
        return password == null
                ? parameters
                : parameters + "      - name: password\n        value: \"" + password + "\"\n";
    }

    /** A mailbox route file on a given IMAP port (a proxy in front of the test's GreenMail), polled fast. */
    public static String mailbox(String account, String password, int port) {
        return mailbox(account, password).replace("{{intake.mail.port}}", Integer.toString(port));
    }

    /** A portal route file, polled every half second, a page or a file taking at most 1.5 s before it is asked again. */
    public static String portal(String routeId, String baseUrl, String mapping) {
        return """
                - templatedRoute:
                    routeTemplateRef: portal
                    routeId: %s
                    parameters:
                      - name: baseUrl
                        value: "%s"
                      - name: mapping
                        value: %s
                      - name: pollDelay
                        value: "500"
                      - name: timeout
                        value: "1500"
                """.formatted(routeId, baseUrl, mapping);
    }
}
