package org.learningcommunities.lifecycle.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A learning community as the project manager registered it (the lifecycle's start form).
 */
public record Community(Long id, String code, String name, String professionalField, String leaderId,
		String professionalPartner, String foundationRepId, String ministryRepId, LocalDate plannedStart,
		int targetSize, Stage stage, Instant createdAt) {

	/**
	 * The user ids of the partners' representatives: each confirms goals and approves
	 * work plans.
	 */
	public List<String> partnerRepIds() {
		return List.of(this.foundationRepId, this.ministryRepId);
	}

}
