package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of {@code forms/}, read from the classpath (the same files the engine
 * deploys) and parsed once.
 */
@Component
public class FormSchemas {

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Optional<FormSchema>> byId = new ConcurrentHashMap<>();

	private final Map<String, Optional<JsonNode>> jsonById = new ConcurrentHashMap<>();

	public Optional<FormSchema> find(String formId) {
		return this.byId.computeIfAbsent(formId, (id) -> json(id).map(FormSchema::parse));
	}

	/**
	 * The form as its file writes it (form-js JSON), for a page that renders it; not to
	 * be changed.
	 */
	public Optional<JsonNode> json(String formId) {
		return this.jsonById.computeIfAbsent(formId, this::load);
	}

	private Optional<JsonNode> load(String formId) {
		ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(this.json.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read form " + formId, ex);
		}
	}

}
