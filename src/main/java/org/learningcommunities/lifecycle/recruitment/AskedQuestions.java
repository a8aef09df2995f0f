package org.learningcommunities.lifecycle.recruitment;

import org.learningcommunities.lifecycle.recruitment.CandidateRepository.AgreedMix;
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

		/**
		 * The application without the answers this community does not ask for: they are
		 * not kept (data minimisation), whoever sent them.
		 */
		Application keepAsked(Application application) {
			return new Application(application.fullName(), application.email(), application.authority(),
					application.role(), application.region(), this.sector ? application.sector() : null,
					this.gender ? application.gender() : null, application.seniorityYears(), application.language(),
					application.motivation(), application.privacyNoticeAccepted());
		}

	}

}
