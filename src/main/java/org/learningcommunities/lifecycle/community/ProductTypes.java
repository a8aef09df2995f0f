package org.learningcommunities.lifecycle.community;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The guide's list of product types (p.37-41), read from the one place users see it: the
 * options of {@code productType} in {@code forms/write-knowledge-product.form}. A type
 * written by hand is recognised by its value ({@code one-pager}) or by either half of its
 * label ({@code דף אחד}, {@code One-pager}).
 */
@Component
public class ProductTypes {

	private static final String FORM = "forms/write-knowledge-product.form";

	private final Map<String, String> valueByName = new LinkedHashMap<>();

	ProductTypes() {
		JsonNode form;
		try (InputStream in = new ClassPathResource(FORM).getInputStream()) {
			form = new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FORM, ex);
		}
		for (JsonNode component : form.path("components")) {
			if ("productType".equals(component.path("key").asText())) {
				for (JsonNode option : component.path("values")) {
					String value = option.path("value").asText();
					this.valueByName.put(normal(value), value);
					for (String half : option.path("label").asText().split("·")) {
						this.valueByName.put(normal(half), value);
					}
				}
			}
		}
		if (this.valueByName.isEmpty()) {
			throw new IllegalStateException(FORM + " lists no product types");
		}
	}

	/** The type's value for a name a user wrote, if it is one of the guide's types. */
	public Optional<String> find(String name) {
		return Optional.ofNullable(this.valueByName.get(normal(name)));
	}

	private static String normal(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}
