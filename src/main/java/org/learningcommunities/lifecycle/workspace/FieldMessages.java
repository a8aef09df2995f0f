package org.learningcommunities.lifecycle.workspace;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.InputRules;
import org.learningcommunities.lifecycle.system.InputRules.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A refused field's message in the reader's language. The server's rules answer in
 * English for the engine REST API (docs/adr/0003), naming the field key and, for a
 * pattern, nothing of the pattern; the workspace shows each of them as a sentence of its
 * own ({@code workspace.error.*} in {@code messages*.properties}), never the key, the
 * rule or an engine's words. A rule of a form's handler may have words of its own,
 * {@code workspace.error.<task key>.<field>}; a rule the table below does not know reads
 * as "this value is not accepted".
 */
@Component
class FieldMessages {

	/** The English messages of the rules (FormSchema and the handlers), by their kind. */
	private static final List<Rule> RULES = List.of(new Rule("^is required\\b", "required"),
			new Rule("^must be at least (\\d+) characters long", "tooShort"),
			new Rule("^must be at most (\\d+) characters long", "tooLong"),
			new Rule("^has an invalid format", "format"), new Rule("^must be a number", "number"),
			new Rule("^must be a whole number", "wholeNumber"), new Rule("^must be at least (-?[\\d.]+)$", "min"),
			new Rule("^must be at most (-?[\\d.]+)$", "max"), new Rule("^must be a date", "date"),
			new Rule("^(must be one of|has an unknown value|must be true or false)", "choice"),
			new Rule("^lists '.*' more than once", "duplicate"), new Rule("^is larger than (\\d+)", "tooLarge"));

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	FieldMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** The sentence to show beside the field. */
	String of(String taskKey, FieldError error, Locale locale) {
		String own = this.messages.getMessage("workspace.error." + taskKey + "." + error.field(), null, null, locale);
		if (own != null) {
			return own;
		}
		String message = (error.message() != null) ? error.message() : "";
		// the input rules word their refusals in the reader's language already, naming
		// the
		// field's key: the same refusal, without the key
		for (Refusal refusal : Refusal.values()) {
			boolean dates = refusal == Refusal.DATE_OUT_OF_RANGE;
			String worded = dates ? InputRules.dateOutOfRange(error.field()) : refusal.message(error.field());
			if (message.equals(worded)) {
				Object[] arguments = dates
						? new Object[] { DAY.format(InputRules.earliestDate()), DAY.format(InputRules.latestDate()) }
						: null;
				return this.messages.getMessage("workspace.error." + refusal.name(), arguments, locale);
			}
		}
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(message);
			if (matcher.find()) {
				Object[] arguments = (matcher.groupCount() > 0) ? new Object[] { matcher.group(1) } : null;
				return this.messages.getMessage("workspace.error." + rule.kind(), arguments, locale);
			}
		}
		return this.messages.getMessage("workspace.error.invalid", null, locale);
	}

	private record Rule(Pattern pattern, String kind) {

		Rule(String regex, String kind) {
			this(Pattern.compile(regex), kind);
		}

	}

}
