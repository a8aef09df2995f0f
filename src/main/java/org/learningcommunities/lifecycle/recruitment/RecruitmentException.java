package org.learningcommunities.lifecycle.recruitment;

/**
 * A recruitment request refused: what it names does not exist, or it conflicts with what
 * is stored (a closed call, an email that applied already, a candidate decided already).
 * Nothing is stored.
 */
public class RecruitmentException extends RuntimeException {

	private final Kind kind;

	private RecruitmentException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	static RecruitmentException notFound(String message) {
		return new RecruitmentException(Kind.NOT_FOUND, message);
	}

	static RecruitmentException conflict(String message) {
		return new RecruitmentException(Kind.CONFLICT, message);
	}

	public Kind kind() {
		return this.kind;
	}

	/** Why a request was refused. */
	public enum Kind {

		/** An unknown community, or a candidate not of that community. */
		NOT_FOUND,
		/** The request conflicts with the state of the call or of the candidate. */
		CONFLICT

	}

}
