package org.learningcommunities.lifecycle.recruitment;

import java.util.ArrayList;
import java.util.List;

import org.learningcommunities.lifecycle.recruitment.CandidateRepository.AgreedMix;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.stereotype.Component;

/**
 * Which of the sensitive questions a community's application asks: sector and gender may
 * count as information of special sensitivity (Privacy Protection Law, Amendment 13), so
 * they are asked only where the mix agreed in establishment needs them: the sector where
 * the mix names the sectors to be reached, the gender where it sets a minimum share of
 * each gender. A community without an agreed mix asks neither.
 */
@Component
class AskedQuestions {

	private final CandidateRepository candidates;

	AskedQuestions(CandidateRepository candidates) {
		this.candidates = candidates;
	}

	Asked of(long communityId) {
		return of(this.candidates.agreedMix(communityId).orElse(null));
	}

	static Asked of(AgreedMix mix) {
		if (mix == null) {
			return new Asked(false, false);
		}
		return new Asked(!mix.sectors().isEmpty(), mix.minShareEachGenderPct() > 0);
	}

	/**
	 * @param sector whether the application asks for the sector
	 * @param gender whether the application asks for the gender
	 */
	record Asked(boolean sector, boolean gender) {

		/** A value given for a question this community does not ask is refused. */
		List<FieldError> problems(Application application) {
			List<FieldError> errors = new ArrayList<>();
			if (!this.sector && application.sector() != null) {
				errors.add(new FieldError("sector", "is not asked by this community"));
			}
			if (!this.gender && application.gender() != null) {
				errors.add(new FieldError("gender", "is not asked by this community"));
			}
			return errors;
		}

	}

}
