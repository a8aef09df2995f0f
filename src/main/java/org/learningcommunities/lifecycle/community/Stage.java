package org.learningcommunities.lifecycle.community;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stages of a community's life. Each but the last is a call activity of
 * {@code community-lifecycle} whose id (and called process key) is {@link #processKey()}.
 */
public enum Stage {

	ESTABLISHMENT("establishment"), YEAR_ONE("year-one"), YEAR_TWO("year-two"), YEAR_THREE("year-three"),
	COMPLETED(null);

	private final String processKey;

	Stage(String processKey) {
		this.processKey = processKey;
	}

	public String processKey() {
		return this.processKey;
	}

	public static Optional<Stage> ofProcessKey(String key) {
		return Arrays.stream(values()).filter((stage) -> key != null && key.equals(stage.processKey)).findFirst();
	}

}
