package org.learningcommunities.lifecycle.community;

import java.util.Optional;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many members a community aims at: the range a new community's target size must lie
 * in ({@code lifecycle.community-size.min} and {@code .max}, today 30-40; the guide's
 * comparison table says 15-35), and the least any cohort needs, the leading core's
 * minimum: below it the community could never choose its forums.
 */
@Component
public class CommunitySize {

	/** The leading core's minimum (גרעין מוביל, 5-8 members, up to 10). */
	public static final int LEADING_CORE_MIN = 5;

	private final int min;

	private final int max;

	CommunitySize(@Value("${lifecycle.community-size.min:30}") int min,
			@Value("${lifecycle.community-size.max:40}") int max) {
		if (min < LEADING_CORE_MIN || max < min) {
			throw new IllegalArgumentException("lifecycle.community-size must satisfy " + LEADING_CORE_MIN
					+ " <= min <= max, was " + min + "-" + max);
		}
		this.min = min;
		this.max = max;
	}

	public int min() {
		return this.min;
	}

	public int max() {
		return this.max;
	}

	/**
	 * A new community's target size outside the range, as the start form's error.
	 */
	Optional<FieldError> refusal(Object targetSize) {
		if (targetSize instanceof Number size && (size.doubleValue() < this.min || size.doubleValue() > this.max)) {
			return Optional.of(new FieldError("targetSize",
					"יעד של " + range() + " חברים · must be " + range() + " members (the venture's range)"));
		}
		return Optional.empty();
	}

	/** As the forms show it: "30-40". */
	public String range() {
		return this.min + "-" + this.max;
	}

}
