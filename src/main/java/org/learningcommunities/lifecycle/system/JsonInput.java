package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import org.learningcommunities.lifecycle.system.InputRules.Refusal;
import org.springframework.stereotype.Component;

/**
 * {@link InputRules} for every JSON body of our API ({@code /api}, the public application
 * included): each text is normalized and checked as it is read, a number, true/false,
 * list or object where text belongs is refused (Jackson would turn {@code 42} into
 * {@code "42"}), a fraction where a whole number belongs is refused (Jackson would cut
 * {@code 5.5} to {@code 5}; {@code spring.jackson.deserialization.accept-float-as-int} is
 * off), and a date outside {@link InputRules#EARLIEST_YEARS_AGO} and
 * {@link InputRules#LATEST_YEARS_AHEAD} is refused. {@link ApiProblems#unreadable} names
 * the field. The engine REST API reads its JSON with its own mapper: forms are checked by
 * {@link FormSchema}.
 */
@Component
class JsonInput extends SimpleModule {

	JsonInput() {
		super("input-rules");
		addDeserializer(String.class, new TextDeserializer());
		addDeserializer(LocalDate.class, new BoundedDateDeserializer());
	}

	/** A value refused by {@link InputRules}; the field is named from its path. */
	static final class RefusedValueException extends MismatchedInputException {

		private final transient Refusal refusal;

		RefusedValueException(JsonParser parser, Refusal refusal, Class<?> type) {
			super(parser, "Refused value: " + refusal, type);
			this.refusal = refusal;
		}

		Refusal refusal() {
			return this.refusal;
		}

	}

	/** Text only, normalized, then refused when {@link InputRules} say so. */
	static final class TextDeserializer extends JsonDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				throw new RefusedValueException(parser, Refusal.NOT_TEXT, String.class);
			}
			String value = InputRules.normalized(parser.getText());
			Refusal refusal = InputRules.refusalOf(value, true);
			if (refusal != null) {
				throw new RefusedValueException(parser, refusal, String.class);
			}
			return value;
		}

	}

	/** An ISO date within the range the application accepts. */
	static final class BoundedDateDeserializer extends JsonDeserializer<LocalDate> {

		private final LocalDateDeserializer iso = LocalDateDeserializer.INSTANCE;

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			LocalDate date = this.iso.deserialize(parser, context);
			if (date != null && !InputRules.isAcceptedDate(date)) {
				throw new RefusedValueException(parser, Refusal.DATE_OUT_OF_RANGE, LocalDate.class);
			}
			return date;
		}

	}

}
