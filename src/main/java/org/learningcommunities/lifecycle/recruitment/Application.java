package org.learningcommunities.lifecycle.recruitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.InputRules;
import org.learningcommunities.lifecycle.system.InputRules.Refusal;

/**
 * An application to a community's call, as a candidate sends it (the public application
 * API and page).
 *
 * @param region one of {@link #REGIONS}, the regions of the community mix
 * @param sector optional, one of {@link #SECTORS}
 * @param gender optional, one of {@link #GENDERS}
 * @param seniorityYears optional, years in the role, 0 to 50
 * @param language the language the candidate is written to in, {@code he} (default) or
 * {@code en}
 * @param motivation optional, up to 4000 characters
 * @param privacyNoticeAccepted the candidate confirmed the privacy notice shown before
 * the send button; required to be {@code true} ({@code RecruitmentService} checks it,
 * with the fields the community's mix does not ask for)
 */
public record Application(String fullName, String email, String authority, String role, String region, String sector,
		String gender, Integer seniorityYears, String language, String motivation, Boolean privacyNoticeAccepted) {

	/**
	 * The values of the regions in {@code forms/define-community-mix.form}, in its order.
	 */
	public static final List<String> REGIONS = List.of("north", "haifa", "center", "tel-aviv", "jerusalem", "south",
			"judea-samaria");

	/**
	 * The values of the sectors in {@code forms/define-community-mix.form}, in its order.
	 */
	public static final List<String> SECTORS = List.of("jewish", "arab", "druze", "bedouin", "ultra-orthodox", "mixed");

	public static final List<String> GENDERS = List.of("female", "male", "other");

	public static final List<String> LANGUAGES = List.of("he", "en");

	public static final String DEFAULT_LANGUAGE = "he";

	/**
	 * A local part of letters, digits and the signs an address may hold (no markup, no
	 * double quotes, no spaces), an at sign, a domain of labels with a dot: what a mail
	 * server could deliver to.
	 */
	private static final Pattern EMAIL = Pattern
		.compile("[\\p{L}\\p{N}.!#$%'*+/=?^_`{|}~-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

	private static final int NAME_LENGTH = 200;

	private static final int EMAIL_LENGTH = 254;

	private static final int MOTIVATION_LENGTH = 4000;

	private static final int MAX_SENIORITY = 50;

	/**
	 * The same application with surrounding blanks removed, blank fields as absent, the
	 * email in lower case and the language defaulted.
	 */
	public Application normalized() {
		String email = clean(this.email);
		String language = clean(this.language);
		return new Application(clean(this.fullName), (email != null) ? email.toLowerCase(Locale.ROOT) : null,
				clean(this.authority), clean(this.role), clean(this.region), clean(this.sector), clean(this.gender),
				this.seniorityYears, (language != null) ? language : DEFAULT_LANGUAGE, clean(this.motivation),
				this.privacyNoticeAccepted);
	}

	/**
	 * Checks a {@linkplain #normalized() normalized} application.
	 * @return one error per invalid field, named as in the JSON body; empty when valid
	 */
	public List<FieldError> problems() {
		List<FieldError> errors = new ArrayList<>();
		text(errors, "fullName", this.fullName, true, NAME_LENGTH);
		if (text(errors, "email", this.email, true, EMAIL_LENGTH) && !EMAIL.matcher(this.email).matches()) {
			errors.add(new FieldError("email", "must be a valid email address"));
		}
		text(errors, "authority", this.authority, true, NAME_LENGTH);
		text(errors, "role", this.role, true, NAME_LENGTH);
		oneOf(errors, "region", this.region, true, REGIONS);
		oneOf(errors, "sector", this.sector, false, SECTORS);
		oneOf(errors, "gender", this.gender, false, GENDERS);
		if (this.seniorityYears != null && (this.seniorityYears < 0 || this.seniorityYears > MAX_SENIORITY)) {
			errors.add(new FieldError("seniorityYears", "must be between 0 and " + MAX_SENIORITY));
		}
		oneOf(errors, "language", this.language, true, LANGUAGES);
		text(errors, "motivation", this.motivation, false, MOTIVATION_LENGTH);
		return errors;
	}

	/**
	 * @return whether the field has a value of a valid length
	 */
	private static boolean text(List<FieldError> errors, String field, String value, boolean required, int maxLength) {
		if (!textRules(errors, field, value, "motivation".equals(field))) {
			return false;
		}
		if (value == null) {
			if (required) {
				errors.add(new FieldError(field, "is required"));
			}
			return false;
		}
		if (value.length() > maxLength) {
			errors.add(new FieldError(field, "must be at most " + maxLength + " characters long"));
			return false;
		}
		return true;
	}

	/** One-line text and the email: the rules every text follows ({@link InputRules}). */
	private static boolean textRules(List<FieldError> errors, String field, String value, boolean multiline) {
		Refusal refusal = InputRules.refusalOf(value, multiline);
		if (refusal != null) {
			errors.add(new FieldError(field, refusal.message(field)));
			return false;
		}
		return true;
	}

	private static void oneOf(List<FieldError> errors, String field, String value, boolean required,
			List<String> allowed) {
		if (value == null) {
			if (required) {
				errors.add(new FieldError(field, "is required"));
			}
		}
		else if (!allowed.contains(value)) {
			errors.add(new FieldError(field, "must be one of " + allowed));
		}
	}

	private static String clean(String value) {
		String normalized = InputRules.normalized(value);
		return (normalized == null || normalized.isEmpty()) ? null : normalized;
	}

}
