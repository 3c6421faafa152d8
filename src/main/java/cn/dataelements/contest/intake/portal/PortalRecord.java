package cn.dataelements.contest.intake.portal;

import com.fasterxml.jackson.databind.JsonNode;

/** One record of a portal's listing, as an exchange's body, with the source it came from. */
record PortalRecord(PortalSource source, JsonNode record) {}
