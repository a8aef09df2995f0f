package org.learningcommunities.lifecycle.meetings;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of day a meeting is (guide p.71: in years two and three, field tours and
 * meetings between communities of the venture join the community's own meetings). The
 * form's value is {@link #value()}.
 */
public enum MeetingKind {

	/** The community's own meeting, hosted by an authority or online. */
	COMMUNITY("community"),
	/** A field tour (סיור שטח). */
	FIELD_TOUR("field-tour"),
	/**
	 * A meeting with another community of the venture, named by its code (מפגש
	 * בין-קהילתי).
	 */
	INTER_COMMUNITY("inter-community");

	private final String value;

	MeetingKind(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	static Optional<MeetingKind> ofValue(String value) {
		return Arrays.stream(values()).filter((kind) -> kind.value.equals(value)).findFirst();
	}

}
