package org.learningcommunities.lifecycle.recruitment;

import org.learningcommunities.lifecycle.system.RequestRefusedException;

/**
 * A recruitment request refused: what it names does not exist (an unknown community, or a
 * candidate not of that community), or it conflicts with what is stored (a closed call,
 * an email that applied already, a candidate decided already). Nothing is stored. Invalid
 * fields are an {@link InvalidApplicationException}.
 */
public class RecruitmentException extends RequestRefusedException {

	private RecruitmentException(Reason reason, String message) {
		super(reason, message);
	}

	static RecruitmentException notFound(String message) {
		return new RecruitmentException(Reason.NOT_FOUND, message);
	}

	static RecruitmentException conflict(String message) {
		return new RecruitmentException(Reason.CONFLICT, message);
	}

}
