package cn.dataelements.contest.intake.portal;

import java.io.IOException;

/** The portal's listing is not as its mapping says: the poll fails, and health says why. */
class PortalFormatException extends IOException {

    PortalFormatException(String message) {
        super(message);
    }
}
