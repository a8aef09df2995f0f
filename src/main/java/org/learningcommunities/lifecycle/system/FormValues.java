package org.learningcommunities.lifecycle.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Submitted form values, read the way Tasklist sends them: untyped JSON, so a whole
 * number arrives as Integer, a decimal as Double, a date as an ISO-8601 string and a list
 * as JSON. Call after {@link FormSchema#validate}.
 */
public record FormValues(Map<String, Object> values) {

	private static final ObjectMapper JSON = new ObjectMapper();

	public String text(String key) {
		Object value = this.values.get(key);
		String text = (value != null) ? InputRules.normalized(value.toString()) : null;
		return (text == null || text.isEmpty()) ? null : text;
	}

	public Integer integer(String key) {
		BigDecimal value = decimal(key);
		return (value != null) ? value.intValueExact() : null;
	}

	public BigDecimal decimal(String key) {
		String value = text(key);
		return (value != null) ? new BigDecimal(value) : null;
	}

	public LocalDate date(String key) {
		String value = text(key);
		return (value != null) ? LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value) : null;
	}

	public boolean flag(String key) {
		Object value = this.values.get(key);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	/** A text's non-blank lines, stripped: a list typed one item per line. */
	public List<String> lines(String key) {
		String text = text(key);
		return (text != null) ? text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList() : List.of();
	}

	public List<String> list(String key) {
		List<String> list = asList(this.values.get(key));
		return (list != null) ? list : List.of();
	}

	/**
	 * A list as Tasklist or a REST client may send it: a Java collection, a Spin JSON
	 * node or a JSON string.
	 * @return the items as strings, or {@code null} when the value is not a list
	 */
	static List<String> asList(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		try {
			JsonNode node = JSON.readTree(value.toString());
			if (!node.isArray()) {
				return null;
			}
			List<String> items = new ArrayList<>();
			node.forEach((item) -> items.add(item.asText()));
			return items;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
