package org.learningcommunities.lifecycle.approvals;

import java.time.Instant;
import java.util.List;

/**
 * What a project manager did when the approval deadline of a version passed.
 */
public record Escalation(int version, List<String> pendingPartners, String actionTaken, String handledBy,
		Instant handledAt) {

}
