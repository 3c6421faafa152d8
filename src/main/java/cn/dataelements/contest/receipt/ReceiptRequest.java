package cn.dataelements.contest.receipt;

import java.util.List;

/**
 * Everything one receipt message is composed from: our own data plus two values taken from the inbound mail, the
 * recipient (chosen by {@link ReceiptPolicy}) and the inbound Message-ID (used only once validated).
 */
record ReceiptRequest(
        String recipient,
        String entryId,
        int version,
        List<ReceivedFile> files,
        String trackText,
        List<String> fixableMessagesZh,
        String inboundMessageId) {

    static ReceiptRequest of(String recipient, String inboundMessageId, ReceiptContent content) {
        return new ReceiptRequest(
                recipient,
                content.entryId(),
                content.version(),
                content.files(),
                content.trackText(),
                content.fixableMessagesZh(),
                inboundMessageId == null ? "" : inboundMessageId);
    }
}
